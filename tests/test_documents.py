from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from recheck import documents
from recheck.documents import decode, load, read_document, sentences, split_articles
from recheck.errors import InputError
from recheck.models import Skipped

FIXTURES = Path(__file__).parent / "fixtures"


def _articles(path: Path):
    doc = read_document(str(path))
    assert not isinstance(doc, Skipped)
    return split_articles(doc)


def test_a_file_of_several_articles_is_split_at_title_and_byline():
    articles = _articles(FIXTURES / "multi" / "digest.txt")
    assert [a.title for a in articles] == [
        "First headline about supply",
        "Second headline, in Chinese",
    ]
    assert [a.date for a in articles] == [date(2025, 12, 27), date(2025, 12, 26)]
    assert articles[0].outlet == "Example Wire"
    assert articles[1].first_line == 6


def test_a_dateline_anywhere_dates_an_article_without_byline(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("美国的产量为3000吨。\n更新时间:2025-10-14\n", encoding="utf-8")
    (article,) = _articles(path)
    assert article.date == date(2025, 10, 14)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("新华社北京2025年8月14日电（记者 林晓）美国的产量为3000吨。", date(2025, 8, 14)),
        ("SYDNEY/WASHINGTON, Aug 14, 2025 (Reuters) - Output rose.", date(2025, 8, 14)),
        ("By Jo Reyes | Bloomberg | August 28, 2025", date(2025, 8, 28)),
        ("山河观察 | 作者:老周 | 2025-11-15 20:31 发布于北京", date(2025, 11, 15)),
        ("LONDON, 3 Sept. 2025 — Prices fell.", date(2025, 9, 3)),
        ("记者 林晓 伦敦、上海报道 2025年8月21日", date(2025, 8, 21)),
        ("By Jo Reyes | Bloomberg, August 18", None),  # no year: not guessed here
        ("作者：老杨 | 8月16日 发布于北京", None),
    ],
)
def test_the_date_in_an_article_s_head_dates_it(tmp_path, head, expected):
    path = tmp_path / "a.txt"
    path.write_text(f"稀土供应链的新变化\n{head}\n美国的产量为3000吨。\n", encoding="utf-8")
    (article,) = _articles(path)
    assert article.date == expected


@pytest.mark.parametrize(
    ("head", "month_day"),
    [
        ("新华社北京11月20日电（记者 韩雪松）今年以来，出口回升。", (11, 20)),
        ("BRUSSELS/FRANKFURT, Nov 12 (Reuters) - European manufacturers paid more.", (11, 12)),
        ("By Hannah Cole and Kenji Mori | Bloomberg, August 18", (8, 18)),
        ("财新记者 周岚 张弛 | 8月20日", (8, 20)),
        ("LONDON, 3 Sept. — Prices fell.", (9, 3)),
        ("SYDNEY, Aug 14, 2025 (Reuters) - Output rose.", None),  # dated: no month-day
        ("今年8月中旬，价格上涨。", None),  # a month without its day
        ("作者：老杨 | 2月30日", None),  # no such day
    ],
)
def test_a_head_date_without_its_year_keeps_its_month_and_day(tmp_path, head, month_day):
    path = tmp_path / "a.txt"
    path.write_text(f"稀土供应链的新变化\n{head}\n美国的产量为3000吨。\n", encoding="utf-8")
    (article,) = _articles(path)
    assert article.month_day == month_day
    assert article.date == (date(2025, 8, 14) if "2025" in head else None)


def test_a_date_deep_in_the_body_does_not_date_the_article(tmp_path):
    body = "\n".join(["标题", "作者：老杨", "第一段。", "第二段。", "2024年8月1日，产量为3000吨。"])
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    (article,) = _articles(tmp_path / "a.txt")
    assert article.date is None


def test_sentences_keep_abbreviations_and_line_numbers():
    (first, _) = _articles(FIXTURES / "multi" / "digest.txt")
    found = [(s.line, s.text) for s in sentences(first)]
    assert (5, "The U.S. mine produced 3,000 tonnes in 2024.") in found
    assert (5, "The first article says output rose.") in found


def test_chinese_sentences_split_on_full_stops_but_not_semicolons(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("甲为1吨;乙为2吨。丙为3吨!\n", encoding="utf-8")
    (article,) = _articles(path)
    assert [s.text for s in sentences(article)] == ["甲为1吨;乙为2吨。", "丙为3吨!"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "big5"])
def test_chinese_text_decodes_in_common_encodings(encoding):
    text = "美国稀土产量为四万五千吨,中国占全球百分之七十。" * 3
    if encoding == "big5":
        text = "美國稀土產量為四萬五千噸,中國佔全球百分之七十。" * 3
    decoded = decode(text.encode(encoding))
    assert decoded is not None
    assert decoded[0] == text


def test_binary_and_empty_files_are_skipped_with_a_reason(tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" + bytes(200))
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "good.txt").write_text("美国的产量为3000吨。", encoding="utf-8")
    docs, skipped = load([str(tmp_path)])
    assert [Path(d.path).name for d in docs] == ["good.txt"]
    reasons = {Path(s.path).name: s.reason for s in skipped}
    assert reasons == {"empty.txt": "empty file", "image.txt": "not text in a known encoding"}


def test_a_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        load([str(tmp_path / "missing")])


def test_paths_keep_the_form_the_user_gave(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.md").write_text("1吨", encoding="utf-8")
    (tmp_path / "ignored.pdf").write_text("1吨", encoding="utf-8")
    docs, _ = load([str(tmp_path) + "/"])
    assert [d.path for d in docs] == [str(tmp_path) + "/sub/x.md"]


# --- the fast paths find what the patterns find ---------------------------------------

_PIECES = [
    *["。", "！", "？", "!", "?", ".", "…", "-", "–", "—", " ", "  ", "\t", "\u3000"],
    *["A", "a", "中", "U.S.", "Mr", "Co.", "e.g.", '"', "“", "(", "[", "1", "2.5"],
]


@settings(deadline=None, max_examples=500)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
@example("End. - Next - A 。 — B")
def test_sentence_ends_are_the_pattern_s_matches(line):
    found = [m.span() for m in documents._sentence_ends(line)]
    assert found == [m.span() for m in documents._SENTENCE_END.finditer(line)]
    for end in range(len(line) + 1):
        expected = documents._ABBREVIATION.search(line, max(0, end - 64), end)
        assert documents._after_abbreviation(line, end) == bool(expected)
