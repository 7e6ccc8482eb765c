"""Binding on real text: each number takes its own subject, metric and period."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from recheck import framing


def _frame(report, file_prefix, text, occurrence=0):
    matches = [
        c for c in report.claims if c.path.split("/")[-1].startswith(file_prefix) and c.text == text
    ]
    claim = matches[occurrence]
    f = claim.frame
    return (f.entity, f.metric, f.period, f.modality)


@pytest.mark.parametrize(
    ("file", "text", "frame"),
    [
        # 中国2025年的稀土矿开采量为27万吨,全球占比高达69.2%
        ("000", "27万吨", ("china", "mine_production", "2025", "actual")),
        ("000", "69.2%", ("china", "mine_production_share", "2025", "actual")),
        # 美国…稀土开采量由上年的4.55万吨,提升至2025年的5.1万吨,同比上涨12.1%
        ("000", "4.55万吨", ("united_states", "mine_production", "2024", "actual")),
        ("000", "5.1万吨", ("united_states", "mine_production", "2025", "actual")),
        ("000", "12.1%", ("united_states", None, "2025", "actual")),
        # …之后是澳大利亚的2.9万吨、缅甸的2.2万吨
        ("000", "2.9万吨", ("australia", "mine_production", "2025", "actual")),
        ("000", "2.2万吨", ("myanmar", "mine_production", "2025", "actual")),
        # 净进口依存度从2024年的48%上升至2025年的67%
        ("000", "48%", ("united_states", "import_reliance", "2024", "actual")),
        # 2023年…800吨,2024年暴涨至4300吨,2025年进一步扩张至8900吨
        ("000", "800吨", ("united_states", "refined_production", "2023", "actual")),
        # 主要源自中国,直接进口量占比71%,从马来西亚进口的稀土占比13%
        ("000", "71%", ("china@united_states", "share_of_imports", "current", "actual")),
        ("000", "13%", ("malaysia@united_states", "share_of_imports", "current", "actual")),
        # 今年有望实现1万吨的突破 (the refined output of the sentence before)
        ("000", "1万吨", ("united_states", "refined_production", None, "forecast")),
        # 全球稀土年产量大约28万吨,中国占了19万吨,比例高达67.9%
        ("002", "28万吨", ("world", "mine_production", "2025", "actual")),
        ("002", "19万吨", ("china", "mine_production", "2025", "actual")),
        ("002", "67.9%", ("china", "mine_production_share", "2025", "actual")),
        # 到2030年撑死了也就6万吨
        ("002", "6万吨", ("us_japan_korea", "mine_production", "2030", "hypothetical")),
        # with China at $35,000 per ton compared to the U.S. at $58,000 per ton, a 65% difference
        ("001", "$35,000 per ton", ("china", "refining_cost", "current", "actual")),
        ("001", "$58,000 per ton", ("united_states", "refining_cost", "current", "actual")),
        # China currently supplies 80% of the U.S.'s rare earth imports and 98% of the EU's
        ("003", "98%", ("china@european_union", "share_of_imports", "current", "actual")),
        # meet 30% of military needs by 2028: a share of its own needs, and a forecast
        ("001", "30%", ("united_states", "self_sufficiency", "2028", "forecast")),
        # 美国自身的稀土精炼产量占比约为33%: not a share of world refining
        ("000", "33%", ("united_states", "self_sufficiency", "2025", "actual")),
        # 美国、日本加起来才12项 / 德国大众、宝马的…工厂: a group is nobody alone
        ("002", "12项", (None, "patents", "current", "actual")),
    ],
)
def test_numbers_bind_to_their_own_subject_metric_and_period(seeds_report, file, text, frame):
    assert _frame(seeds_report, file, text) == frame


def test_a_difference_is_a_change_not_a_level(seeds_report):
    # …with China at $35,000 per ton compared to the U.S. at $58,000 per ton, a 65% difference
    assert _frame(seeds_report, "001", "65%")[1:] == (None, "current", "actual")


def test_a_preposition_object_is_not_the_subject(seeds_report):
    # 沙特王储…承诺向美国投资1万亿美元: Saudi Arabia invests, not the United States
    assert _frame(seeds_report, "003", "1万亿美元")[0] == "saudi_arabia"


def test_the_company_stands_for_the_company_just_named(rulebook, tmp_path):
    from recheck.audit import audit

    (tmp_path / "a.txt").write_text(
        "MP Materials runs the Mountain Pass mine. The company produced 45,000 tonnes of "
        "rare earth oxide in 2024.\n",
        encoding="utf-8",
    )
    report = audit([str(tmp_path)], rulebook)
    (claim,) = [c for c in report.claims if c.text.startswith("45,000")]
    assert claim.entity == "mp_materials"
    assert claim.frame.entity_word == "The company"


def test_ore_tonnage_is_kept_apart_from_reo_content(rulebook, tmp_path):
    from recheck.audit import audit

    (tmp_path / "a.txt").write_text(
        "美国2025年的稀土开采量为5.1万吨。美国2025年开采的原矿量为90万吨。\n", encoding="utf-8"
    )
    report = audit([str(tmp_path)], rulebook)
    metrics = {c.text: c.metric for c in report.claims}
    assert metrics == {"5.1万吨": "mine_production", "90万吨": "ore_tonnage"}
    assert not report.contradictions


def _report(rulebook, tmp_path, text):
    from recheck.audit import audit

    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    return audit([str(tmp_path)], rulebook)


def _claims(rulebook, tmp_path, text):
    return _report(rulebook, tmp_path, text).claims


def _frames(rulebook, tmp_path, text):
    return {c.text: (c.entity, c.metric) for c in _claims(rulebook, tmp_path, text)}


def _bindings(rulebook, tmp_path, text):
    return {
        (c.line, c.text): (c.entity, c.metric, c.period) for c in _claims(rulebook, tmp_path, text)
    }


def test_respectively_hands_the_figures_to_the_subjects_in_order(rulebook, tmp_path):
    frames = _frames(
        rulebook,
        tmp_path,
        "2024年，中国和美国的稀土开采量分别为27万吨和4.5万吨。\n"
        "In 2024, Myanmar and Australia mined 31,000 tonnes and 13,000 tonnes respectively.\n",
    )
    assert frames["27万吨"] == ("china", "mine_production")
    assert frames["4.5万吨"] == ("united_states", "mine_production")
    assert frames["31,000 tonnes"] == ("myanmar", "mine_production")
    assert frames["13,000 tonnes"] == ("australia", "mine_production")


def test_a_joint_figure_belongs_to_no_single_subject(rulebook, tmp_path):
    frames = _frames(
        rulebook,
        tmp_path,
        "2024年美国、日本的稀土开采量加起来不到6万吨。\n"
        "The U.S. and Australia mined 70,000 tonnes of rare earths in 2024.\n",
    )
    assert frames["6万吨"][0] is None
    assert frames["70,000 tonnes"][0] is None


def test_with_a_partner_is_not_a_joint_subject(rulebook, tmp_path):
    # 与 is "with" here: the company signs, Pakistan is the counterparty
    frames = _frames(rulebook, tmp_path, "美国战略金属公司与巴基斯坦签署价值5亿美元的协议。\n")
    assert frames["5亿美元"][0] == "us_strategic_metals"


def test_a_name_that_owns_the_figure_wins_after_a_preposition(rulebook, tmp_path):
    # 与中国的27万吨相比: China's 27万吨, not the US's (that would be a false alarm)
    frames = _frames(
        rulebook, tmp_path, "2024年美国的稀土开采量为4.5万吨，与中国的27万吨相比差距很大。\n"
    )
    assert frames["27万吨"] == ("china", "mine_production")


def test_a_share_of_own_needs_is_not_a_global_share(rulebook, tmp_path):
    frames = _frames(
        rulebook,
        tmp_path,
        "The Pentagon wants US mine production to meet 40% of military needs by 2029.\n"
        "2024年中国稀土开采量占全球开采量的69%，满足全球需求。\n",
    )
    assert frames["40%"][1] == "self_sufficiency"
    assert frames["69%"][1] == "mine_production_share"  # the world is named: a global share


def test_an_amount_per_year_compares_with_the_annual_amount(rulebook, tmp_path):
    from recheck.audit import audit

    (tmp_path / "a.txt").write_text(
        "Lynas has a refining capacity of 12,000 tonnes per year in 2024.\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text("2024年莱纳斯的精炼产能为1.5万吨。\n", encoding="utf-8")
    report = audit([str(tmp_path)], rulebook)
    (finding,) = report.contradictions
    assert sorted(c.value for c in finding.claims) == [12000, 15000]
    assert {c.unit for c in finding.claims} == {"t"}


def test_a_variant_word_in_the_clause_switches_the_metric(rulebook, tmp_path):
    frames = _frames(
        rulebook,
        tmp_path,
        "In 2024 China exported 58,142 tonnes of permanent magnets.\n2024年中国出口稀土5.5万吨。\n",
    )
    assert frames["58,142 tonnes"] == ("china", "magnet_exports")
    assert frames["5.5万吨"] == ("china", "exports")


def test_a_place_right_after_the_figure_is_its_subject(rulebook, tmp_path):
    frames = _frames(
        rulebook,
        tmp_path,
        "In 2024 China mined 270,000 tonnes, against 45,000 tonnes in the United States "
        "and 31,000 tonnes in Myanmar.\n",
    )
    assert frames["45,000 tonnes"][0] == "united_states"
    assert frames["31,000 tonnes"][0] == "myanmar"


def test_the_importer_is_the_subject_before_from(rulebook, tmp_path):
    frames = _frames(rulebook, tmp_path, "2023年，美国从中国进口的占70%，从马来西亚进口的占13%。\n")
    assert frames["70%"][0] == "china@united_states"
    assert frames["13%"][0] == "malaysia@united_states"


def test_a_condition_governs_the_figures_after_it(rulebook, tmp_path):
    from recheck.audit import audit

    (tmp_path / "a.txt").write_text(
        "即便美国把稀土开采量翻一番，达到9万吨，也无济于事。\n", "utf-8"
    )
    report = audit([str(tmp_path)], rulebook)
    (claim,) = [c for c in report.claims if c.text == "9万吨"]
    assert claim.frame.modality == "hypothetical"


def test_the_month_may_is_not_the_modal_may(rulebook, tmp_path):
    text = (
        "Shipments had run at about 2,900 tonnes in May 2024, before the curbs.\n"
        "China's mine output may reach 300,000 tonnes in 2026.\n"
    )
    modality = {c.text: c.frame.modality for c in _claims(rulebook, tmp_path, text)}
    assert modality == {"2,900 tonnes": "actual", "300,000 tonnes": "forecast"}


def test_an_amount_takes_the_metric_of_the_sentence_before_when_it_names_none(rulebook, tmp_path):
    frames = _frames(
        rulebook,
        tmp_path,
        "中国的稀土储量究竟有多少呢？答案是4400万吨。\n"
        "The US has 1.9 million tonnes of reserves. Vietnam has 3.5 million tonnes.\n"
        "Prices rose 20% in 2024. It sold 500 tonnes.\n",
    )
    assert frames["4400万吨"][1] == "reserves"
    assert frames["3.5 million tonnes"] == ("vietnam", "reserves")
    assert frames["500 tonnes"][1] is None  # a percentage change lends no metric


def test_counts_of_things_are_exact(rulebook, tmp_path):
    from recheck.audit import audit

    (tmp_path / "a.txt").write_text("2025年，中国对12种稀土实施出口管制。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "In 2025 China had eleven rare earths under export controls.\n", encoding="utf-8"
    )
    report = audit([str(tmp_path)], rulebook)
    (finding,) = report.contradictions
    assert sorted(c.value for c in finding.claims) == [11, 12]
    assert {c.precision for c in finding.claims} == {0}


# --- the fast paths find what the patterns find ---------------------------------------

_PIECES = [*"，;；:：—,-–", " ", "  ", "\t", "1", "a", "中", "5,000", " - ", " – "]


@settings(deadline=None, max_examples=500)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
@example("45,000 t, and - then — 中国，5万吨 – x")
def test_clause_boundaries_are_the_pattern_s_matches(text):
    found = [m.span() for m in framing._boundaries(text)]
    assert found == [m.span() for m in framing._CLAUSE.finditer(text)]
    clauses = framing._clauses(text)
    for start in range(len(text) + 1):
        expected = next((i for i, c in enumerate(clauses) if c.start <= start < c.end), None)
        assert framing._clause_at(clauses, start) == expected


def test_a_term_that_introduces_the_next_figure_is_not_this_ones(rulebook, tmp_path):
    frames = _bindings(
        rulebook,
        tmp_path,
        "MP Materials reported revenue of close to 48 million dollars and net income of "
        "US$4.53 million for Q3 2023.\n"
        "Northern Rare Earth reported net income of about 931 million yuan and revenue of "
        "27.07 billion yuan for 2022.\n",
    )
    assert frames[(1, "48 million dollars")] == ("mp_materials", "revenue", "2023-Q3")
    assert frames[(1, "US$4.53 million")] == ("mp_materials", "net_profit", "2023-Q3")
    assert frames[(2, "931 million yuan")] == ("northern_rare_earth", "net_profit", "2022")
    assert frames[(2, "27.07 billion yuan")] == ("northern_rare_earth", "revenue", "2022")


def test_a_currency_named_after_a_country_is_not_the_subject(rulebook, tmp_path):
    frames = _bindings(
        rulebook,
        tmp_path,
        "Iluka Resources' sales rose to 1.209 billion Australian dollars in 2023 from "
        "1.114 billion Australian dollars in 2022.\n",
    )
    assert frames[(1, "1.209 billion Australian dollars")] == ("iluka", "revenue", "2023")
    assert frames[(1, "1.114 billion Australian dollars")] == ("iluka", "revenue", "2022")


def test_a_hedge_or_currency_word_after_a_year_keeps_the_figure_in_that_year(rulebook, tmp_path):
    frames = _bindings(
        rulebook,
        tmp_path,
        "中国稀土出口量从2023年的将近5.4万吨增至2024年的约5.6万吨，增长3.5%。\n"
        "盛和资源净利润从二〇二四年的人民币2.07亿元降至2025年的逾人民币1.88亿元。\n",
    )
    assert frames[(1, "5.4万吨")] == ("china", "exports", "2023")
    assert frames[(1, "5.6万吨")] == ("china", "exports", "2024")
    assert frames[(2, "2.07亿元")] == ("shenghe", "net_profit", "2024")
    assert frames[(2, "1.88亿元")] == ("shenghe", "net_profit", "2025")


def test_prices_of_different_products_are_different_metrics(rulebook, tmp_path):
    report = _report(
        rulebook,
        tmp_path,
        "8月13日，稀土价格明显回升，氧化镨钕报价63万元/吨，氧化铽报价约710万元/吨。\n"
        "同期中国国内氧化镝价格为185万元/吨。\n"
        "The price of NdPr oxide was $85 per kilogram in August, and dysprosium prices "
        "reached $260 per kg.\n",
    )
    metrics = {c.text: c.metric for c in report.claims}
    assert metrics["63万元/吨"] == "price_ndpr"
    assert metrics["710万元/吨"] == "price_terbium"
    assert metrics["185万元/吨"] == "price_dysprosium"
    assert metrics["$85 per kilogram"] == "price_ndpr"
    assert metrics["$260 per kg"] == "price_dysprosium"
    assert not report.contradictions


def test_quotas_are_not_output_and_their_parts_are_apart(rulebook, tmp_path):
    report = _report(
        rulebook,
        tmp_path,
        "2024年全年开采指标为27万吨、冶炼分离指标为25.4万吨，同比增速分别为5.9%和4.1%。\n"
        "其中，岩矿型稀土指标为250,850吨，离子型稀土指标为19,150吨。\n"
        "2024年，中国离子型稀土的开采指标约为1.9万吨。\n",
    )
    metrics = {c.text: c.metric for c in report.claims}
    assert metrics["27万吨"] == "mining_quota"
    assert metrics["25.4万吨"] == "separation_quota"
    assert metrics["250,850吨"] == "mining_quota_rock"
    assert metrics["19,150吨"] == metrics["1.9万吨"] == "mining_quota_ionic"
    assert not report.contradictions


def test_the_base_of_a_comparison_is_no_later_figure_s_period(rulebook, tmp_path):
    """较上年小幅增长: 上年 is what the change is measured against; the figures in the
    clauses after it keep the sentence's year."""
    bindings = _bindings(
        rulebook,
        tmp_path,
        "2024年全球稀土矿产量约为39万吨，较上年小幅增长，其中中国矿产量为27万吨。\n"
        "Output in 2024 rose 5% from a year earlier, and China mined 270,000 tonnes.\n",
    )
    assert bindings[(1, "27万吨")] == ("china", "mine_production", "2024")
    assert bindings[(2, "270,000 tonnes")] == ("china", "mine_production", "2024")


def test_a_share_of_the_whole_is_the_share_of_the_amount_just_before(rulebook, tmp_path):
    bindings = _bindings(
        rulebook,
        tmp_path,
        "储量方面，中国约4,400万吨，约占全球的49%。\n"
        "In 2024 China mined about 270,000 tonnes, nearly 70% of the global total.\n"
        # no whole named: the percentage does not borrow across the figure
        "2024年中国的产能为30万吨，全球90%来自中国。\n",
    )
    assert bindings[(1, "49%")] == ("china", "reserves_share", "current")
    assert bindings[(2, "70%")] == ("china", "mine_production_share", "2024")
    assert bindings[(3, "90%")][1] is None


def test_a_metric_carried_from_the_sentence_before_takes_this_sentence_s_product(
    rulebook, tmp_path
):
    bindings = _bindings(
        rulebook,
        tmp_path,
        "鹿特丹氧化镝价格为每公斤800美元。氧化铽则为每公斤3,000美元。\n"
        "The dysprosium oxide price was $800 per kilogram. Terbium oxide fetched $3,000 per"
        " kilogram.\n"
        "The dysprosium oxide price was $800 per kilogram. A year ago it was $400 per kilogram.\n",
    )
    assert bindings[(1, "3,000美元")][1] == "price_terbium"
    assert bindings[(2, "$3,000 per kilogram")][1] == "price_terbium"
    assert bindings[(3, "$400 per kilogram")][1] == "price_dysprosium"  # no product named


def test_a_metric_is_carried_within_a_paragraph_only(rulebook, tmp_path):
    bindings = _bindings(
        rulebook,
        tmp_path,
        "中国的稀土储量有多少呢？答案是4400万吨。\n"
        "\n"
        "2024年开采指标为27万吨，回收企业不占用开采指标。\n"
        "\n"
        # a new paragraph: its figure is about what it names, not the quota before
        "2024年我国从二次资源中回收的稀土氧化物约3万吨。\n",
    )
    assert bindings[(1, "4400万吨")][1] == "reserves"
    assert bindings[(3, "27万吨")][1] == "mining_quota"
    assert bindings[(5, "3万吨")][1] is None


def test_the_same_period_refers_back_across_sentences(rulebook, tmp_path):
    bindings = _bindings(
        rulebook,
        tmp_path,
        "2025年前三季度，北方稀土实现归母净利润15.41亿元，其中第三季度6.10亿元。"
        "同期，盛和资源实现归母净利润7.93亿元。\n",
    )
    assert bindings[(1, "7.93亿元")] == ("shenghe", "net_profit", "2025-01..09")


def test_the_world_that_ranks_a_subject_is_not_the_subject(rulebook, tmp_path):
    bindings = _bindings(
        rulebook,
        tmp_path,
        "China also holds the world's largest reserves, estimated at 44 million tonnes.\n"
        "中国拥有全球最大的稀土储量，约4400万吨。\n"
        "Europe mines almost none of the world's roughly 350,000 tons of annual output.\n",
    )
    assert bindings[(1, "44 million tonnes")][0] == "china"
    assert bindings[(2, "4400万吨")][0] == "china"
    assert bindings[(3, "350,000 tons")][0] == "world"  # "the world's" names the world


def test_a_price_is_of_the_market_its_sentence_names_or_its_currency_s(rulebook, tmp_path):
    bindings = _bindings(
        rulebook,
        tmp_path,
        "美国国防部与MP Materials签署了协议。"
        "2024年氧化镨钕全年均价约为40万元/吨，较2023年下跌约四分之一。\n"
        "Dysprosium oxide has traded at $800 a kilogram in Rotterdam, compared with about"
        " $230 a kilogram in China.\n",
    )
    assert bindings[(1, "40万元/吨")] == ("china", "price_ndpr", "2024")  # not the US's
    # the product named before keeps its price across clauses
    assert bindings[(2, "$800 a kilogram")][:2] == ("european_union", "price_dysprosium")
    assert bindings[(2, "$230 a kilogram")][:2] == ("china", "price_dysprosium")


def test_a_list_of_shares_after_one_verb_are_shares_of_one_whole(rulebook, tmp_path):
    bindings = _bindings(
        rulebook,
        tmp_path,
        "2024年中国进口的稀土矿产品中，来自缅甸的约占48%，来自美国的约占37%，"
        "来自老挝的约占14%。\n"
        # no list: the second share follows a name, not the same verb
        "新能源汽车里的稀土永磁电机，中国的产能占全球85%，手机屏幕里的稀土荧光粉，全球90%来自中国企业。\n",
    )
    assert bindings[(1, "48%")] == ("myanmar@china", "share_of_imports", "2024")
    assert bindings[(1, "37%")] == ("united_states@china", "share_of_imports", "2024")
    assert bindings[(1, "14%")] == ("laos@china", "share_of_imports", "2024")
    assert bindings[(2, "90%")][1] is None


def test_a_product_and_the_figure_a_change_is_measured_from(rulebook, tmp_path):
    bindings = _bindings(
        rulebook,
        tmp_path,
        "MP Materials produced 597 metric tons of NdPr oxide in the second quarter of 2025,"
        " up from 264 tons a year earlier.\n"
        "China refines about 90% of the world's rare earths and makes about 70% of its"
        " rare-earth magnets.\n"
        "Imports from China made up 70% of US imports in 2024.\n",
    )
    assert bindings[(1, "597 metric tons")] == ("mp_materials", "ndpr_production", "2025-Q2")
    assert bindings[(1, "264 tons")] == ("mp_materials", "ndpr_production", "2024-Q2")
    assert bindings[(2, "70%")][:2] == ("china", "magnet_production_share")
    assert bindings[(3, "70%")][1] != "mine_production_share"  # made up: a share, not output


def test_a_count_takes_the_metric_whose_counted_words_follow_it(rulebook, tmp_path):
    bindings = _bindings(
        rulebook,
        tmp_path,
        "In April 2025 Beijing added eight medium and heavy rare earths, including dysprosium"
        " and terbium, to its export control list.\n"
        "Beijing made two significant moves in 2025, widening its export control list.\n",
    )
    assert bindings[(1, "eight")] == ("china", "export_controlled_elements", "2025-04")
    assert bindings[(2, "two")][1] is None  # moves are not what the list counts


def test_a_relative_clause_and_a_share_of_the_whole_are_about_the_name_before(rulebook, tmp_path):
    bindings = _bindings(
        rulebook,
        tmp_path,
        "Much of the world's dysprosium and terbium comes from ionic clay deposits in southern"
        " China and in Myanmar, whose output of 31,000 tonnes in 2024, about 12% of the global"
        " total according to the U.S. Geological Survey, is mostly processed in China.\n",
    )
    assert bindings[(1, "31,000 tonnes")] == ("myanmar", "mine_production", "2024")
    assert bindings[(1, "12%")] == ("myanmar", "mine_production_share", "2024")


def test_the_subject_a_sentence_hands_on_is_not_after_a_preposition(rulebook, tmp_path):
    bindings = _bindings(
        rulebook,
        tmp_path,
        "Outside China, Australia's Lynas Rare Earths remains the largest producer."
        " It reported revenue of A$565.5 million for the year to June 30, 2025.\n",
    )
    assert bindings[(1, "A$565.5 million")] == ("lynas", "revenue", "FY2025")


@pytest.mark.parametrize(
    ("text", "metric", "change_of"),
    [
        ("2024年中国稀土矿产量同比增长约30%。", None, "mine_production"),
        ("China's rare-earth mine output rose 30% in 2024.", None, "mine_production"),
        (
            "China's rare-earth mine output was up 30% year on year in 2024.",
            None,
            "mine_production",
        ),
        # the change of the figure before it, not of the metric named before that
        ("2024年中国稀土矿产量为27万吨，同比增长30%。", None, None),
        # a share is no change, and a change after other words names nothing
        ("2024年中国稀土矿产量占全球的30%。", "mine_production_share", None),
        ("中国稀土矿产量在2024年前后同比增长30%。", None, None),
    ],
)
def test_a_change_carries_the_metric_it_names_right_before_it(
    rulebook, tmp_path, text, metric, change_of
):
    (claim,) = [c for c in _claims(rulebook, tmp_path, text) if c.text.endswith("30%")]
    assert (claim.entity, claim.metric, claim.frame.change_of) == ("china", metric, change_of)
    assert claim.to_record()["change_of"] == change_of


@pytest.mark.parametrize(
    "text",
    [
        "北方稀土今年一季度营业收入为90亿元，净亏损扩大至3,000万元。",
        "Lynas reported revenue of A$150 million for the quarter and a net loss of A$20 million.",
    ],
)
def test_a_loss_is_not_the_revenue_named_before_it(rulebook, tmp_path, text):
    # a loss framed as revenue made its sentence give revenue two values, and both
    # were left out of every comparison
    metrics = [c.metric for c in _claims(rulebook, tmp_path, text)]
    assert metrics == ["revenue", "net_loss"]
