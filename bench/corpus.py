"""Generate a deterministic bilingual corpus of news articles for benchmarks.

Usage: python bench/corpus.py OUTDIR --mb N [--seed S] [--manifest FILE]

The corpus is about N megabytes (10^6 bytes of UTF-8, within 3%) of ``.txt`` files of
3-8 KB, half in Chinese and half in English, in subfolders of at most 500 files
(``OUTDIR/0000/000000-zh.txt`` ...). The same N and seed give byte-identical files; N
may be fractional (0.2). OUTDIR is created and must not already hold anything.

What the articles say comes from a hidden "true world": for each (entity, metric,
period) one value, for mine, refined and magnet output, reserves, exports, imports,
apparent consumption, shares of world output and reserves, import reliance, the NdPr
oxide price, and company revenue and profit, in the years 2015-2030 and in halves,
quarters and the first nine months of a year. Entity names and metric words are read
from ``rules/vocabulary/*.yaml`` at run time (the first alias of each entity, the
vocabulary's noun terms of each metric), so the corpus follows the vocabulary.

Articles restate the same facts many times, in varied forms (27万吨, 27.0万吨, 270,000
tonnes, about 270,000 t, 0.27 million tonnes, 69.2%, 近七成, 二〇二四年, last year, H1
2024 ...), so that the comparison stage sees large groups. Among them are sentences
with two or three subjects, stated changes with their operands, forecasts, targets
and hypotheticals for later years (never compared with actual figures), prose without
figures, and numbers that are not claims (dates, ages, page counts, phone numbers,
ranks). Each article has a title and a byline (outlet and date) or a dateline that
``recheck.documents`` recognises; a few files hold several articles.

A small share of statements (about one per 20-50 KB) is planted: a value 15-60% off
for an (entity, metric, period) that other files state correctly. The manifest lists
them (file, line, true and planted values in recheck's canonical units), with the
files written, their sizes, and the English files and bytes, so that a benchmark can
time another extractor on the English part only. It is written only with
``--manifest FILE``.

Library use, from another bench script::

    from corpus import generate, score   # with bench/ on sys.path
    manifest = generate(Path("/tmp/corpus"), mb=2.0, seed=0)
    report = recheck.audit.audit(["/tmp/corpus"])
    print(score(manifest, report))       # planted found, missed, other findings

Exit codes: 0 written; 2 a bad argument or an OUTDIR that exists and is not empty.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Protocol, TypeVar

import yaml

T = TypeVar("T")
ROOT = Path(__file__).resolve().parents[1]
VOCABULARY = ROOT / "rules" / "vocabulary"
MB = 1_000_000
FILES_PER_FOLDER = 500
FILE_BYTES = (3_000, 8_000)
FIRST_YEAR, BASE_YEAR, LAST_YEAR = 2015, 2024, 2030
PLANT_EVERY = (20_000, 50_000)  # bytes between two planted statements
PLANT_ERROR = (0.15, 0.60)  # relative error of a planted value
PROSE_PARAGRAPHS = 0.4  # paragraphs without figures
NOISE_SHARE = 0.1  # sentences without figures that hold numbers which are not claims
MIN_ATTESTED = 3  # correct statements in other files before a key may be planted
CORRECT_FILES_KEPT = 5  # files listed per planted statement as stating the truth

# ---------------------------------------------------------------------------------
# The true world: which entities have which series, and their 2024 values. Names and
# metric words come from the vocabulary; these are only ids and magnitudes.
# ---------------------------------------------------------------------------------

MASS = frozenset(
    {
        "mine_production",
        "refined_production",
        "magnet_production",
        "reserves",
        "exports",
        "imports",
        "apparent_consumption",
    }
)
FLOWS = MASS - {"reserves"}  # amounts per period, split into halves and quarters
SHARES = {  # share metric -> the amount it is a share of
    "mine_production_share": "mine_production",
    "refined_production_share": "refined_production",
    "reserves_share": "reserves",
}
MONEY = frozenset({"revenue", "net_profit"})
PARTS = frozenset(FLOWS | MONEY | {"price"})  # metrics with values for parts of a year

# (entity, metric, 2024 value, yearly growth, weight in the articles)
SERIES: tuple[tuple[str, str, float, float, float], ...] = (
    ("china", "mine_production", 270_000, 0.10, 12),
    ("united_states", "mine_production", 45_000, 0.09, 7),
    ("myanmar", "mine_production", 31_000, 0.07, 3),
    ("australia", "mine_production", 13_000, 0.05, 3),
    ("thailand", "mine_production", 13_000, 0.12, 1.5),
    ("india", "mine_production", 2_900, 0.02, 1),
    ("russia", "mine_production", 2_500, 0.02, 1),
    ("madagascar", "mine_production", 2_000, 0.08, 0.5),
    ("world", "mine_production", 0, 0, 5),
    ("china", "refined_production", 240_000, 0.07, 5),
    ("malaysia", "refined_production", 11_000, 0.06, 1.5),
    ("estonia", "refined_production", 1_900, 0.02, 0.5),
    ("united_states", "refined_production", 4_300, 0.30, 2),
    ("world", "refined_production", 0, 0, 1.5),
    ("china", "magnet_production", 300_000, 0.09, 3),
    ("japan", "magnet_production", 9_000, -0.02, 1),
    ("china", "reserves", 44_000_000, 0, 4),
    ("brazil", "reserves", 21_000_000, 0, 1.5),
    ("india", "reserves", 6_900_000, 0, 1),
    ("australia", "reserves", 5_700_000, 0, 1.5),
    ("russia", "reserves", 3_800_000, 0, 1),
    ("vietnam", "reserves", 3_500_000, 0, 1),
    ("united_states", "reserves", 1_900_000, 0, 1.5),
    ("greenland", "reserves", 1_500_000, 0, 0.5),
    ("tanzania", "reserves", 890_000, 0, 0.5),
    ("south_africa", "reserves", 860_000, 0, 0.5),
    ("world", "reserves", 0, 0, 1.5),
    ("china", "exports", 55_800, 0.04, 5),
    ("myanmar", "exports", 42_000, 0.05, 1),
    ("united_states", "exports", 41_000, 0.08, 2),
    ("australia", "exports", 12_500, 0.04, 1),
    ("china", "imports", 131_000, 0.08, 4),
    ("japan", "imports", 16_200, -0.01, 2),
    ("united_states", "imports", 8_100, 0.02, 2),
    ("european_union", "imports", 17_300, 0.01, 1),
    ("south_korea", "imports", 3_600, 0.03, 0.5),
    ("germany", "imports", 3_100, 0.01, 0.5),
    ("united_states", "apparent_consumption", 27_000, 0.03, 1),
    ("japan", "apparent_consumption", 19_800, 0.0, 0.5),
    ("china", "apparent_consumption", 205_000, 0.08, 1),
    ("china", "mine_production_share", 0, 0, 6),
    ("united_states", "mine_production_share", 0, 0, 2),
    ("myanmar", "mine_production_share", 0, 0, 1),
    ("australia", "mine_production_share", 0, 0, 1),
    ("china", "refined_production_share", 0, 0, 3),
    ("china", "reserves_share", 0, 0, 1.5),
    ("brazil", "reserves_share", 0, 0, 0.5),
    ("united_states", "import_reliance", 67, 1.5, 2),
    ("japan", "import_reliance", 88, -0.5, 1),
    ("european_union", "import_reliance", 93, 0.2, 1),
    ("south_korea", "import_reliance", 90, 0.3, 0.5),
    ("china", "price", 405_000, 0.02, 3),
    ("northern_rare_earth", "revenue", 32_940_000_000, 0.06, 3),
    ("shenghe", "revenue", 11_300_000_000, 0.05, 1.5),
    ("china_rare_earth_group", "revenue", 3_780_000_000, 0.04, 1),
    ("mp_materials", "revenue", 203_900_000, 0.12, 3),
    ("lynas", "revenue", 463_300_000, 0.08, 2),
    ("iluka", "revenue", 1_130_000_000, 0.03, 1),
    ("energy_fuels", "revenue", 78_100_000, 0.15, 0.5),
    ("neo_performance", "revenue", 473_000_000, 0.03, 0.5),
    ("northern_rare_earth", "net_profit", 1_004_000_000, 0.05, 2),
    ("shenghe", "net_profit", 207_000_000, 0.05, 1),
    ("lynas", "net_profit", 84_500_000, 0.06, 1),
    ("iluka", "net_profit", 301_000_000, 0.03, 0.5),
    ("mp_materials", "net_profit", 24_300_000, 0.10, 1),
)
CURRENCY = {
    "northern_rare_earth": "CNY",
    "shenghe": "CNY",
    "china_rare_earth_group": "CNY",
    "mp_materials": "USD",
    "lynas": "AUD",
    "iluka": "AUD",
    "energy_fuels": "USD",
    "neo_performance": "USD",
}
# Metrics for which the vocabulary's noun terms are those ending in these heads (the
# terms a journalist can put in "X的{term}为N" / "X's {term} was N").
ZH_HEADS = {
    "mine_production": ("量",),
    "refined_production": ("产量", "精炼量"),
    "magnet_production": ("产量",),
    "reserves": ("储量",),
    "exports": ("出口量",),
    "imports": ("进口量",),
    "apparent_consumption": ("消费量",),
    "import_reliance": ("依存度",),
    "revenue": ("营收", "收入", "销售额", "营业额"),
    "net_profit": ("利润", "净利"),
    "price": ("价格",),
    "mine_production_share": ("占全球产量", "产量占全球"),
    "refined_production_share": ("份额",),
    "reserves_share": ("储量占全球",),
}
EN_HEADS = {
    "mine_production": ("production", "output"),
    "refined_production": ("production", "output"),
    "magnet_production": ("production", "output"),
    "reserves": ("reserves",),
    "exports": ("exports",),
    "imports": ("imports",),
    "apparent_consumption": ("consumption",),
    "import_reliance": ("reliance", "dependence"),
    "revenue": ("revenue", "sales", "turnover"),
    "net_profit": ("profit", "income", "earnings"),
    "price": ("price",),
    "mine_production_share": ("production", "output"),
    "refined_production_share": ("refining", "output"),
    "reserves_share": ("reserves",),
}
EN_VERBS = ("mine_production", "exports", "imports")  # metrics with a verb term: mined ...
ZH_OUTLETS = ("稀土观察", "有色金属周刊", "财经前沿", "矿业日报", "资源评论", "金属导报")
EN_OUTLETS = ("Metals Wire", "Mining Weekly", "Resource Ledger", "Commodity Desk")
EN_OUTLETS += ("Pacific Markets Review", "Critical Minerals Today")


# ---------------------------------------------------------------------------------
# What a corpus is: its manifest
# ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Planted:
    """One planted wrong statement. Values are in recheck's canonical units (``t``,
    ``percent``, ``CNY``, ``USD``, ``AUD``, ``CNY / t``); ``line`` is 1-based."""

    entity: str
    metric: str
    period: str  # recheck's notation: 2024, 2024-H1, 2024-Q3, 2024-01..09
    true_value: float
    planted_value: float
    unit: str
    written: str  # the planted figure as written (31.1万吨, 352,000 tonnes)
    true_written: str  # the true value, written the same way
    file: str  # relative to the corpus folder, with "/"
    line: int
    language: str  # zh | en
    correct_files: tuple[str, ...]  # files (up to 5) that state the true value


@dataclass(frozen=True)
class Manifest:
    out_dir: str
    mb: float
    seed: int
    files: tuple[str, ...]  # every file written, relative to out_dir, with "/"
    bytes_written: int
    english_files: tuple[str, ...]
    english_bytes: int
    articles: int
    figures: int  # figures stated as claims about the true world (planted included)
    planted: tuple[Planted, ...]

    @property
    def files_written(self) -> int:
        return len(self.files)

    def to_record(self) -> dict[str, Any]:
        record = asdict(self)
        record["files_written"] = self.files_written
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Manifest:
        """The manifest a ``--manifest`` JSON file holds."""
        fields = {k: v for k, v in record.items() if k != "files_written"}
        for name in ("files", "english_files"):
            fields[name] = tuple(fields[name])
        fields["planted"] = tuple(
            Planted(**{**p, "correct_files": tuple(p["correct_files"])}) for p in record["planted"]
        )
        return cls(**fields)


# ---------------------------------------------------------------------------------
# Vocabulary: names and metric words, read at run time
# ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Name:
    zh: str
    en: str
    kind: str


@dataclass(frozen=True)
class Words:
    """What the writers need from the vocabulary."""

    names: dict[str, Name]
    zh_terms: dict[str, tuple[str, ...]]  # metric -> noun terms usable in sentences
    en_terms: dict[str, tuple[str, ...]]
    en_verbs: dict[str, str]  # metric -> its past-tense verb term (mined, exported)
    sources: tuple[Name, ...]  # agencies a sentence may cite


def load_words(folder: Path = VOCABULARY) -> Words:
    """Entity names and metric terms from the vocabulary YAML files in ``folder``."""
    entities = _yaml(folder / "entities.yaml")["entities"]
    metrics = _yaml(folder / "metrics.yaml")["metrics"]
    names = {eid: _name(spec) for eid, spec in sorted(entities.items())}
    zh_terms, en_terms, en_verbs = {}, {}, {}
    for mid, heads in sorted(ZH_HEADS.items()):
        terms = metrics.get(mid, {}).get("terms", {})
        zh_terms[mid] = tuple(sorted(t for t in terms.get("zh", ()) if t.endswith(heads)))
        en_terms[mid] = _en_nouns(terms.get("en", ()), EN_HEADS[mid])
        verbs = sorted(t for t in terms.get("en", ()) if " " not in t and t.endswith("ed"))
        if mid in EN_VERBS and verbs:
            en_verbs[mid] = verbs[0]
    sources = tuple(n for eid, n in names.items() if n.kind == "source" and eid != "media")
    return Words(names, zh_terms, en_terms, en_verbs, sources)


def _yaml(path: Path) -> dict[str, Any]:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _name(spec: dict[str, Any]) -> Name:
    aliases = spec.get("aliases", {})
    zh = aliases.get("zh") or [spec["name"]]
    en = aliases.get("en") or [spec["name"]]
    return Name(zh=zh[0], en=en[0], kind=spec.get("kind", ""))


def _en_nouns(terms: Iterable[str], heads: tuple[str, ...]) -> tuple[str, ...]:
    """English noun terms: those whose last word is one of ``heads``, or, for shares,
    the "of global ..." phrases."""
    chosen = [t for t in terms if t.split()[-1] in heads and not t.startswith("rely")]
    return tuple(sorted(chosen))


# ---------------------------------------------------------------------------------
# The true world
# ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Series:
    entity: str
    metric: str
    unit: str  # canonical unit
    weight: float


class World:
    """True values for every (entity, metric, period) of the series in ``SERIES``."""

    def __init__(self, seed: int, names: dict[str, Name]) -> None:
        self.seed = seed
        known = [row for row in SERIES if row[0] in names]
        self.series = tuple(Series(e, m, _unit(e, m), w) for e, m, _, _, w in known)
        self.annual: dict[tuple[str, str], dict[int, float]] = {}
        rng = random.Random(f"world:{seed}")
        for entity, metric, base, growth, _ in known:
            if base:
                self.annual[(entity, metric)] = _path(rng, metric, base, growth)
        self._totals()
        self._shares()
        self._parts: dict[tuple[str, str, str], float] = {}

    def _totals(self) -> None:
        """World amounts: the sum of the countries listed, plus the rest of the world."""
        for metric, rest in (("mine_production", 0.03), ("refined_production", 0.02)):
            self._total(metric, rest)
        self._total("reserves", 0.09)

    def _total(self, metric: str, rest: float) -> None:
        parts = [v for (e, m), v in self.annual.items() if m == metric and e != "world"]
        if not parts:
            return
        years = range(FIRST_YEAR, LAST_YEAR + 1)
        self.annual[("world", metric)] = {
            y: _round_sig(sum(p[y] for p in parts) * (1 + rest), 3) for y in years
        }

    def _shares(self) -> None:
        for series in self.series:
            whole_metric = SHARES.get(series.metric)
            part = self.annual.get((series.entity, whole_metric or ""))
            whole = self.annual.get(("world", whole_metric or ""))
            if part is None or whole is None:
                continue
            self.annual[(series.entity, series.metric)] = {
                y: round(100 * part[y] / whole[y], 1) for y in part
            }
        self.series = tuple(s for s in self.series if (s.entity, s.metric) in self.annual)

    def value(self, entity: str, metric: str, period: str) -> float:
        if len(period) == 4:
            return self.annual[(entity, metric)][int(period)]
        key = (entity, metric, period)
        if key not in self._parts:
            self._parts[key] = self._part(entity, metric, period)
        return self._parts[key]

    def _part(self, entity: str, metric: str, period: str) -> float:
        """A half, a quarter or the first nine months: a share of the year's amount
        (the same split for every entity, so that no part exceeds the world's), or for
        a price, the year's average give or take a few percent."""
        year, part = int(period[:4]), period[5:]
        annual = self.annual[(entity, metric)][year]
        rng = random.Random(f"part:{self.seed}:{metric}:{year}")  # one season for all
        quarters = [rng.uniform(0.85, 1.15) for _ in range(4)]
        if metric == "price":
            return _round_sig(annual * _price_factor(quarters, part), 3)
        total = sum(quarters)
        fractions = {
            "H1": (quarters[0] + quarters[1]) / total,
            "H2": (quarters[2] + quarters[3]) / total,
            "01..09": (total - quarters[3]) / total,
        }
        for k in range(4):
            fractions[f"Q{k + 1}"] = quarters[k] / total
        return _round_sig(annual * fractions[part], 3)


def _price_factor(quarters: list[float], part: str) -> float:
    """A period's average price relative to the year's: quarters drift round 1."""
    index = {"Q1": [0], "Q2": [1], "Q3": [2], "Q4": [3], "H1": [0, 1], "H2": [2, 3]}
    chosen = index.get(part, [0, 1, 2])
    return 1 + 0.4 * (sum(quarters[i] for i in chosen) / len(chosen) - 1)


def _unit(entity: str, metric: str) -> str:
    if metric in MASS:
        return "t"
    if metric in MONEY:
        return CURRENCY.get(entity, "USD")
    if metric == "price":
        return "CNY / t"
    return "percent"


def _path(rng: random.Random, metric: str, base: float, growth: float) -> dict[int, float]:
    """Yearly values 2015-2030 through ``base`` in 2024: steady growth with noise,
    constant for reserves, a drift in points for import reliance."""
    years = range(FIRST_YEAR, LAST_YEAR + 1)
    if metric == "reserves":
        return {y: float(base) for y in years}
    if metric == "import_reliance":
        return {
            y: float(min(97, max(20, round(base + growth * (y - BASE_YEAR) + rng.uniform(-2, 2)))))
            for y in years
        }
    noise = 0.15 if metric in MONEY or metric == "price" else 0.04
    values = {BASE_YEAR: float(base)}
    for y in range(BASE_YEAR + 1, LAST_YEAR + 1):
        values[y] = values[y - 1] * (1 + growth + rng.uniform(-noise, noise))
    for y in range(BASE_YEAR - 1, FIRST_YEAR - 1, -1):
        values[y] = values[y + 1] / (1 + growth + rng.uniform(-noise, noise))
    sig = 4 if metric in MONEY else 3
    return {y: _round_sig(values[y], sig) for y in years}


def _round_sig(x: float, sig: int) -> float:
    if x == 0:
        return 0.0
    return round(x, sig - 1 - math.floor(math.log10(abs(x))))


# ---------------------------------------------------------------------------------
# Periods
# ---------------------------------------------------------------------------------

PART_ENDS = {"Q1": (3, 31), "Q2": (6, 30), "H1": (6, 30), "Q3": (9, 30), "01..09": (9, 30)}
PART_ENDS |= {"Q4": (12, 31), "H2": (12, 31)}


def period_end(period: str) -> date:
    """The last day a period covers."""
    year = int(period[:4])
    if len(period) == 4:
        return date(year, 12, 31)
    month, day = PART_ENDS[period[5:]]
    return date(year, month, day)


def is_past(period: str, day: date) -> bool:
    """Whether figures for ``period`` are published by ``day`` (a month after it)."""
    return period_end(period) + timedelta(days=35) <= day


# ---------------------------------------------------------------------------------
# Writing numbers
# ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    """A value as it will be written: rounded or not, and which hedges fit it."""

    value: float  # the number shown (the true value, or it rounded)
    sig: int  # significant digits shown
    direction: int  # -1: shown below the value, 1: above, 0: equal
    keep_zero: bool  # write a trailing zero (27.0万吨)


def shown(rng: random.Random, value: float, exact: bool = False) -> Shown:
    sig = _sig_digits(value)
    # Rounded only to two digits or more: "20万吨" or "200,000 t" for 240,000 t would
    # claim more precision than it has.
    if exact or sig < 3 or rng.random() < 0.65:
        return Shown(value, sig, 0, rng.random() < 0.4)
    rounded = _round_sig(value, sig - 1)
    direction = (rounded > value) - (rounded < value)
    return Shown(rounded, sig - 1, direction, False)


def _sig_digits(value: float) -> int:
    digits = f"{abs(value):.6e}".split("e")[0].replace(".", "").rstrip("0")
    return max(1, len(digits))


def number(value: float, sig: int, keep_zero: bool = False, grouped: bool = False) -> str:
    """``value`` with ``sig`` significant digits, trailing zeros after the point
    dropped unless ``keep_zero`` (27.0); thousands grouped with commas if ``grouped``."""
    exponent = math.floor(math.log10(abs(value))) if value else 0
    decimals = max(0, sig - 1 - exponent)
    text = f"{value:,.{decimals}f}" if grouped else f"{value:.{decimals}f}"
    if "." in text and not keep_zero:
        text = text.rstrip("0").rstrip(".")
    return text


ZH_DIGITS = "〇一二三四五六七八九"
ZH_TENTHS = "零一二三四五六七八九"
EN_MONTHS = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct")
EN_MONTHS += ("Nov", "Dec")


# ---------------------------------------------------------------------------------
# Writers: one per language, each turning facts into sentences
# ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    entity: str
    metric: str
    period: str
    value: float


class _Base:
    """What both writers share: the vocabulary, the article's date and its rng."""

    language = ""

    def __init__(self, words: Words, rng: random.Random, day: date) -> None:
        self.words = words
        self.rng = rng
        self.random = rng.random
        self.day = day

    def pick(self, options: Sequence[T]) -> T:
        return options[int(self.random() * len(options))]

    def term(self, metric: str) -> str:
        return self.pick(self.terms(metric))

    def terms(self, metric: str) -> tuple[str, ...]:
        raise NotImplementedError

    def can_write(self, metric: str) -> bool:
        return bool(self.terms(metric))

    def clause(self) -> str:
        raise NotImplementedError

    def finish(self, sentences: Sequence[str]) -> str:
        """Sentences joined into a paragraph."""
        return " ".join(s for s in sentences if s)

    def two_clauses(self) -> tuple[str, str]:
        first = self.clause()
        second = self.clause()
        while second == first:
            second = self.clause()
        return first, second


# --- Chinese ----------------------------------------------------------------------

ZH_CLAUSES = (
    "稀土供应链的重构需要长期投入",
    "冶炼分离环节仍是海外项目最大的短板",
    "下游磁材企业的订单保持稳定",
    "环保审批和社区关系拖慢了新矿山的建设进度",
    "重稀土的供应比轻稀土更为紧张",
    "电动汽车和风电需求支撑了中长期消费",
    "各国政府正在加快建立战略储备",
    "回收利用被视为补充原生供应的重要途径",
    "技术人才短缺制约了新建分离厂的投产",
    "价格波动让投资者对新项目保持谨慎",
    "海外项目的融资成本明显上升",
    "出口管制措施增加了供应的不确定性",
    "分离提纯技术的积累并非一朝一夕之功",
    "矿山到磁体的完整链条在中国之外仍未成形",
    "贸易摩擦让采购商更加重视多元化布局",
    "部分冶炼厂因检修而短暂停产",
    "市场对高性能钕铁硼的需求持续升温",
    "新项目从勘探到投产往往需要十年以上",
    "中小企业在环保整治中加速出清",
    "行业集中度进一步提高",
    "离子型稀土矿的开采受到更严格的监管",
    "海外矿山的精矿仍有相当部分运往中国加工",
    "磁材企业普遍加大了研发投入",
    "军工和半导体领域对重稀土的依赖短期内难以改变",
    "新能源汽车驱动电机仍是钕铁硼最大的下游应用",
    "部分国家开始通过长期协议锁定供应",
    "库存周期的变化放大了价格的短期波动",
    "海外分离厂的环保成本远高于预期",
    "非洲和南美的勘探项目明显增多",
    "稀土回收企业的原料来源仍不稳定",
    "一些项目因融资困难而推迟了最终投资决定",
    "物流和港口瓶颈影响了精矿的按时交付",
    "行业标准的统一有助于降低交易成本",
    "地缘政治风险正在改变采购方的决策逻辑",
    "高端人才向头部企业集中的趋势明显",
    "中下游企业对价格的承受能力出现分化",
)
ZH_PROSE = (
    "{S}{V}，{A}，{B}。",
    "与此同时，{A}，而{B}。",
    "值得注意的是，{A}。",
    "对此，{S}{V}，{A}。",
    "不过，{A}，{B}。",
    "从产业链角度看，{A}，{B}。",
    "{A}，这一点在{P}尤为明显。",
    "{S}还{V}，{A}。",
)
_LATIN_DIGIT = re.compile(r"([A-Za-z])(\d)")
ZH_NOISE = (
    "现年{age}岁的{person}在接受采访时表示，{clause}。",
    "这份长达{pages}页的报告于{m}月{d}日发布，{clause}。",
    "报告第{chapter}章指出，{clause}。",
    "如需了解详情，可致电010-{phone}。",
    "上述观点见报告第{paragraph}段。",
    "会议于{m}月{d}日在{city}举行，来自{countries}个国家的{delegates}名代表出席。",
    "在最新的行业竞争力榜单中，该企业排名第{rank}。",
)
ZH_PLACES = ("海外市场", "下游行业", "重稀土领域", "中小企业", "新建项目")
ZH_SPEAKERS = ("业内人士", "分析人士", "一位不愿具名的贸易商", "多位受访专家")
ZH_SPEAKERS += ("行业协会相关负责人", "券商研究报告", "一位矿业公司高管")
ZH_SAYS = ("认为", "指出", "表示", "提醒", "坦言")
ZH_PEOPLE = ("王明", "林晓舟", "苏明远", "陈思琪", "刘建国", "赵宇航", "周敏")
ZH_CITIES = ("北京", "上海", "包头", "赣州", "广州", "深圳", "成都")
ZH_TRENDS = ("稳步增长", "再创新高", "小幅回落", "保持高位", "增速放缓", "格局生变")
ZH_TAILS = ("海外项目加速推进", "供应链重构进入深水区", "下游需求支撑价格")
ZH_TAILS += ("出口管制影响显现", "产业格局加速调整", "多国加码布局")


class ZhWriter(_Base):
    language = "zh"

    def terms(self, metric: str) -> tuple[str, ...]:
        return self.words.zh_terms.get(metric, ())

    def finish(self, sentences: Sequence[str]) -> str:
        """Sentences joined into a paragraph; 约 before 为 and 占 (约为, 约占), and a space
        between a Latin name and a figure (MP Materials 2024年)."""
        text = "".join(sentences)
        if "约" in text:
            text = text.replace("为约", "约为").replace("占全球的约", "约占全球的")
        return _LATIN_DIGIT.sub(r"\1 \2", text)

    def name(self, entity: str) -> str:
        return self.words.names[entity].zh

    def rt(self, metric: str) -> str:
        """A metric term, with 稀土 in front unless it has it (稀土开采量)."""
        term = self.term(metric)
        return term if "稀土" in term or metric in MONEY else "稀土" + term

    def period(self, period: str) -> str:
        year = int(period[:4])
        if len(period) == 4:
            return self._year(year)
        part = period[5:]
        prefix = "今年" if year == self.day.year and self.rng.random() < 0.4 else f"{year}年"
        if part in ("H1", "H2"):
            return prefix + ("上半年" if part == "H1" else "下半年")
        if part == "01..09":
            return prefix + self.pick(("前三季度", "1-9月"))
        quarter = "一二三四"[int(part[1]) - 1]
        return prefix + self.pick((f"第{quarter}季度", f"{quarter}季度"))

    def _year(self, year: int) -> str:
        roll = self.rng.random()
        if year == self.day.year - 1 and roll < 0.15:
            return "去年"
        if roll > 0.99:
            return "".join(ZH_DIGITS[int(d)] for d in str(year)) + "年"
        return f"{year}年"

    def figure(self, fact: Fact, exact: bool = False) -> str:
        s = shown(self.rng, fact.value, exact)
        unit = _unit(fact.entity, fact.metric)
        if unit == "percent":
            return self._percent(s, exact)
        if unit == "t":
            text = self._tonnes(s)
        elif unit == "CNY / t":
            text = self._price(s)
        else:
            text = self._money(s, unit)
        return text if exact else self._hedge(s) + text

    def _hedge(self, s: Shown) -> str:
        if s.direction < 0:
            return self.pick(("约", "超过", "逾", ""))
        if s.direction > 0:
            return self.pick(("约", "近", "将近", ""))
        return "约" if self.rng.random() < 0.08 else ""

    def _tonnes(self, s: Shown) -> str:
        v = s.value
        if v >= 1e8:
            return number(v / 1e8, s.sig, s.keep_zero) + "亿吨"
        if v >= 1e4 or (v >= 1e3 and self.rng.random() < 0.2):
            return number(v / 1e4, s.sig, s.keep_zero) + "万吨"
        return number(v, s.sig) + "吨"

    def _percent(self, s: Shown, exact: bool) -> str:
        tenths = round(s.value / 10)
        if exact:
            return number(s.value, s.sig, s.keep_zero) + "%"
        if 1 <= tenths <= 9 and abs(s.value - 10 * tenths) <= 3 and self.rng.random() < 0.15:
            word = ZH_TENTHS[tenths] + "成"
            return ("近" + word) if s.value < 10 * tenths else (word + "以上")
        return self._hedge(s) + number(s.value, s.sig, s.keep_zero) + "%"

    def _price(self, s: Shown) -> str:
        amount = number(s.value / 1e4, s.sig, s.keep_zero)
        return self.pick((f"每吨{amount}万元", f"{amount}万元/吨"))

    def _money(self, s: Shown, currency: str) -> str:
        word = {"CNY": "元", "USD": "美元", "AUD": "澳元"}[currency]
        scale, suffix = (1e8, "亿") if s.value >= 1e8 else (1e4, "万")
        text = number(s.value / scale, s.sig, s.keep_zero) + suffix + word
        if currency == "CNY" and self.rng.random() < 0.15:
            text = "人民币" + text
        return text

    def single(self, fact: Fact, exact: bool = False) -> tuple[str, str]:
        """One figure in one sentence: (sentence, the figure as written)."""
        v = self.figure(fact, exact)
        e, p = self.name(fact.entity), self.period(fact.period)
        if fact.metric in SHARES:
            return self._share(fact, e, p, v), v
        if fact.metric in MONEY:
            t = self.term(fact.metric)
            template = self.pick(
                (
                    "{E}{P}实现{T}{V}。",
                    "{E}发布的财报显示，{P}其{T}为{V}。",
                    "{P}，{E}{T}达{V}，{C}。",
                    "据{E}披露，公司{P}{T}为{V}，{C}。",
                )
            )
        elif fact.metric == "price":
            t = self.term("price")
            template = self.pick(
                ("{P}，{E}市场氧化镨钕平均{T}为{V}。", "{E}市场上氧化镨钕{P}的平均{T}为{V}，{C}。")
            )
        else:
            t = self.rt(fact.metric)
            template = self.pick(
                (
                    "{P}，{E}{T}为{V}。",
                    "{E}{P}的{T}达到{V}。",
                    "据{S}统计，{E}{P}{T}为{V}。",
                    "数据显示，{P}{E}{T}为{V}，{C}。",
                    "{E}{P}{T}为{V}，{C}。",
                )
            )
        return template.format(E=e, P=p, T=t, V=v, C=self.clause(), S=self.source()), v

    def _share(self, fact: Fact, e: str, p: str, v: str) -> str:
        term = self.term(fact.metric)
        if term.startswith("占"):  # 占全球产量: needs the amount in front
            amount = self.rt(SHARES[fact.metric])
            return f"{p}，{e}{amount}{term}的{v}。"
        if "占" in term:  # 产量占全球, 储量占全球
            return f"{e}{p}稀土{term}的{v}，{self.clause()}。"
        return f"{p}，{e}占全球稀土{term}的{v}。"

    def several(self, facts: Sequence[Fact]) -> str:
        """Two or three subjects with one metric and period."""
        first, rest = facts[0], facts[1:]
        if self.rng.random() < 0.5:
            head = f"{self.period(first.period)}，{self.name(first.entity)}{self.rt(first.metric)}"
            tail = "，".join(f"{self.name(f.entity)}为{self.figure(f)}" for f in rest)
            return f"{head}为{self.figure(first)}，{tail}。"
        ranked = sorted(facts, key=lambda f: -f.value)  # 其次是: the largest comes first
        head = f"{self.period(first.period)}，{self.name(ranked[0].entity)}{self.rt(first.metric)}"
        named = [f"{self.name(f.entity)}的{self.figure(f)}" for f in ranked[1:]]
        return f"{head}为{self.figure(ranked[0])}，其次是{'和'.join(named)}。"

    def with_share(self, amount: Fact, share: Fact) -> str:
        e, p = self.name(amount.entity), self.period(amount.period)
        v, s = self.figure(amount), self.figure(share)
        return f"{p}，{e}{self.rt(amount.metric)}为{v}，占全球的{s}。"

    def change(self, before: Fact, after: Fact) -> str:
        pct = number(abs(after.value / before.value - 1) * 100, 2)
        up = after.value >= before.value
        e, t = self.name(after.entity), self.rt(after.metric)
        if self.rng.random() < 0.5:
            verb, word = ("增至", "增长") if up else ("降至", "下降")
            return (
                f"{e}{t}从{self.period(before.period)}的{self.figure(before)}{verb}"
                f"{self.period(after.period)}的{self.figure(after)}，{word}{pct}%。"
            )
        word = "同比增长" if up else "同比下降"
        return f"{self.period(after.period)}{e}{t}为{self.figure(after)}，{word}{pct}%。"

    def two_metrics(self, first: Fact, second: Fact) -> str:
        e, p = self.name(first.entity), self.period(first.period)
        t1, t2 = self.term(first.metric), self.term(second.metric)
        return f"{e}{p}实现{t1}{self.figure(first)}，{t2}{self.figure(second)}。"

    def outlook(self, fact: Fact, mood: str) -> str:
        e, y = self.name(fact.entity), fact.period[:4]
        t, v = self.rt(fact.metric), self.figure(fact)
        if mood == "forecast":
            return self.pick(
                (
                    f"预计到{y}年，{e}{t}将达到{v}。",
                    f"{self.source()}预测，{y}年{e}{t}有望增至{v}。",
                )
            )
        if mood == "target":
            return f"{e}提出，力争到{y}年将{t}提高到{v}。"
        return f"即便{e}{t}到{y}年提高到{v}，也难以改变全球供应格局。"

    def clause(self) -> str:
        return self.pick(ZH_CLAUSES)

    def source(self) -> str:
        return self.pick(self.words.sources).zh if self.words.sources else "有关机构"

    def noise(self) -> str:
        r = self.rng
        return self.pick(ZH_NOISE).format(
            age=_randint(r, 38, 67), person=self.pick(ZH_PEOPLE), clause=self.clause(),
            pages=_randint(r, 40, 260), m=_randint(r, 1, 12), d=_randint(r, 1, 28),
            chapter=_randint(r, 2, 9), phone=_randint(r, 60_000_000, 89_999_999),
            paragraph=_randint(r, 2, 12), city=self.pick(ZH_CITIES),
            countries=_randint(r, 8, 40), delegates=_randint(r, 150, 900),
            rank=self.pick("二三四五六七"),
        )  # fmt: skip

    def prose(self) -> str:
        first, second = self.two_clauses()
        return self.pick(ZH_PROSE).format(
            S=self.pick(ZH_SPEAKERS), V=self.pick(ZH_SAYS), A=first, B=second,
            P=self.pick(ZH_PLACES),
        )  # fmt: skip

    def title(self, fact: Fact, numeric: bool) -> str:
        e = self.name(fact.entity)
        t = self.rt(SHARES.get(fact.metric, fact.metric))
        if fact.metric == "price":
            t = "氧化镨钕" + self.term("price")
        if numeric:
            return self.finish([f"{e}{self.period(fact.period)}{t}达{self.figure(fact)}"])
        return f"{e}{t}{self.pick(ZH_TRENDS)}，{self.pick(ZH_TAILS)}"

    def byline(self, outlet: str, day: date) -> str:
        hh, mm = _randint(self.rng, 6, 22), _randint(self.rng, 0, 59)
        return self.pick(
            (
                f"{outlet}· {day.isoformat()} {hh:02d}:{mm:02d}",
                f"{outlet}｜{day.year}年{day.month}月{day.day}日",
                f"{outlet} | {day.isoformat()}",
            )
        )

    def dateline(self, outlet: str, day: date) -> str:
        return f"发布时间：{day.year}年{day.month}月{day.day}日  来源：{outlet}"

    def opening(self, day: date) -> str:
        before = day - timedelta(days=1)
        return (
            f"本报{self.pick(ZH_CITIES)}{before.month}月{before.day}日电"
            f"（记者 {self.pick(ZH_PEOPLE)}）"
        )


# --- English ----------------------------------------------------------------------

EN_CLAUSES = (
    "rebuilding the supply chain will take years of investment",
    "separation and refining remain the weakest link outside China",
    "demand from electric vehicles and wind turbines underpins long-term consumption",
    "permitting delays have slowed the construction of new mines",
    "heavy rare earths are scarcer than light ones",
    "governments are building strategic stockpiles",
    "recycling is seen as a useful supplement to mined supply",
    "a shortage of skilled chemists is holding back new plants",
    "price swings have made investors cautious about new projects",
    "export controls have added uncertainty for buyers",
    "financing costs for projects outside China have risen",
    "magnet makers have kept their order books full",
    "the know-how needed for separation cannot be bought off the shelf",
    "a complete chain from mine to magnet has yet to emerge outside China",
    "trade frictions have pushed buyers to diversify their suppliers",
    "several smelters were briefly shut for maintenance",
    "demand for high-performance magnets keeps rising",
    "new projects often take more than a decade to reach production",
    "smaller producers have been squeezed out by tighter environmental rules",
    "the industry has become more concentrated",
    "ionic clay deposits face tighter oversight",
    "much of the concentrate mined elsewhere is still shipped to China for processing",
    "magnet makers have stepped up spending on research",
    "defence and chip makers will depend on heavy rare earths for years",
    "traction motors for electric cars remain the largest use of NdPr magnets",
    "some governments now lock in supply through long-term offtake agreements",
    "swings in inventories have amplified short-term price moves",
    "environmental costs at new separation plants have run well above budget",
    "exploration in Africa and South America has picked up",
    "recyclers still struggle to secure steady feedstock",
    "several projects have delayed final investment decisions for lack of funding",
    "port and shipping bottlenecks have held up deliveries of concentrate",
    "common industry standards would lower transaction costs",
    "geopolitical risk is changing how buyers choose suppliers",
    "skilled engineers are increasingly concentrated in the largest firms",
    "downstream manufacturers differ widely in how much price pain they can absorb",
)
EN_NOISE = (
    "{person}, {age}, a senior analyst at a Sydney consultancy, said {clause}.",
    "The {pages}-page report, released on {month} {d}, argues that {clause}.",
    "Section {section} of the report notes that {clause}.",
    "For details, call +61 2 {a} {b}.",
    "More than {delegates} delegates from {countries} countries attended the conference on "
    "{month} {d}.",
    "The consultancy ranked No. {rank} in an industry survey published on {month} {d}.",
)
EN_PROSE = (
    "{S} {V} that {A}, and that {B}.",
    "{A_}, while {B}.",
    "Still, {A}.",
    "{A_}, {s} {V}.",
    "That matters because {A}.",
    "Meanwhile, {A}, and {B}.",
    "{S} also {V} that {A}.",
    "The problem, {s} {V}, is that {A}.",
)
EN_SPEAKERS = ("Analysts", "Industry executives", "Traders", "Consultants")
EN_SPEAKERS += ("Several people familiar with the matter", "Officials", "Economists")
EN_SAYS = ("say", "said", "warn", "note", "argue")
EN_PEOPLE = ("Laura Kessler", "Daniel Hart", "Priya Menon", "Tom Walsh", "Mei Ling Tan")
EN_CITIES = ("SYDNEY", "LONDON", "SINGAPORE", "WASHINGTON", "TORONTO", "PERTH")
EN_TRENDS = ("climbs", "hits record", "edges lower", "holds steady", "slows", "in focus")
EN_TRENDS_PLURAL = ("climb", "hit record", "edge lower", "hold steady", "slow", "in focus")
EN_TAILS = ("overseas projects ramp up", "supply chains shift", "magnet demand grows")
EN_TAILS += ("export curbs bite", "prices stay volatile", "buyers seek new suppliers")
EN_PARTS = {"Q1": "first quarter", "Q2": "second quarter", "Q3": "third quarter"}
EN_PARTS |= {"Q4": "fourth quarter", "H1": "first half", "H2": "second half"}
EN_PARTS |= {"01..09": "first nine months"}
THE = ("United ", "European ", "Netherlands")


class EnWriter(_Base):
    language = "en"

    def terms(self, metric: str) -> tuple[str, ...]:
        return self.words.en_terms.get(metric, ())

    def name(self, entity: str) -> str:
        if entity == "world":
            return "the world"
        name = self.words.names[entity].en
        return f"the {name}" if name.startswith(THE) else name

    def poss(self, entity: str) -> str:
        if entity == "world":
            return "global"
        name = self.name(entity)
        return name + ("'" if name.endswith("s") else "'s")

    def period(self, period: str) -> str:
        """A prepositional phrase: in 2024, last year, in the first half of 2024."""
        year = int(period[:4])
        if len(period) == 4:
            if year == self.day.year - 1 and self.rng.random() < 0.15:
                return "last year"
            return f"in {year}"
        part = period[5:]
        if part in ("H1", "Q1", "Q2", "Q3", "Q4") and self.rng.random() < 0.35:
            return f"in {part} {year}"
        of = "this year" if year == self.day.year and self.rng.random() < 0.4 else str(year)
        return f"in the {EN_PARTS[part]} of {of}"

    def figure(self, fact: Fact, exact: bool = False) -> str:
        s = shown(self.rng, fact.value, exact)
        unit = _unit(fact.entity, fact.metric)
        if unit == "percent":
            text = self._percent(s)
        elif unit == "t":
            text = self._tonnes(s)
        elif unit == "CNY / t":
            text = self._price(s)
        else:
            text = self._money(s, unit)
        hedge = "" if exact else self._hedge(s)
        return f"{hedge} {text}" if hedge else text

    def _hedge(self, s: Shown) -> str:
        if s.direction < 0:
            return self.pick(("about", "more than", "over", "roughly", ""))
        if s.direction > 0:
            return self.pick(("about", "nearly", "almost", "close to", ""))
        return "about" if self.rng.random() < 0.08 else ""

    def _tonnes(self, s: Shown) -> str:
        v, unit = s.value, self.pick(("tonnes", "tonnes", "metric tons", "tons", "t"))
        if v >= 1e6:
            return f"{number(v / 1e6, s.sig, s.keep_zero)} million tonnes"
        if v >= 1e5 and self.rng.random() < 0.1:
            return f"{number(v / 1e6, s.sig)} million tonnes"
        if v >= 1e4 and self.rng.random() < 0.05:
            return f"{number(v / 1e3, s.sig)} thousand tonnes"
        return f"{number(v, s.sig, grouped=True)} {unit}"

    def _percent(self, s: Shown) -> str:
        return number(s.value, s.sig, s.keep_zero) + self.pick(
            ("%", "%", "%", " per cent", " percent")
        )

    def _price(self, s: Shown) -> str:
        amount = number(s.value, s.sig, grouped=True)
        return f"{amount} yuan {self.pick(('per tonne', 'a tonne', 'per ton'))}"

    def _money(self, s: Shown, currency: str) -> str:
        scale, word = (1e9, "billion") if s.value >= 1e9 else (1e6, "million")
        amount = number(s.value / scale, s.sig, s.keep_zero)
        if currency == "CNY":
            return f"{amount} {word} yuan"
        if currency == "AUD":
            return self.pick((f"A${amount} {word}", f"{amount} {word} Australian dollars"))
        return self.pick((f"${amount} {word}", f"US${amount} {word}", f"{amount} {word} dollars"))

    def single(self, fact: Fact, exact: bool = False) -> tuple[str, str]:
        v = self.figure(fact, exact)
        p = self.period(fact.period)
        if fact.metric in SHARES:
            return self._share(fact, p, v), v
        if fact.metric == "import_reliance":
            t = self.term(fact.metric)
            return f"{_cap(self.poss(fact.entity))} {t} was {v} {p}, {self.tail()}.", v
        if fact.metric in MONEY:
            return self._money_sentence(fact, p, v), v
        if fact.metric == "price":
            t = self.term("price")
            e = self.name(fact.entity)
            return f"The average {t} of NdPr oxide in {e} was {v} {p}.", v
        return self._amount_sentence(fact, p, v), v

    def tail(self) -> str:
        """Where a figure comes from, after it: "official data show"."""
        roll = self.rng.random()
        if roll < 0.4:
            return f"according to {self.source()}"
        return self.pick(
            ("official data show", "industry figures show", "data compiled by analysts show")
        )

    def _amount_sentence(self, fact: Fact, p: str, v: str) -> str:
        e, poss, t = self.name(fact.entity), self.poss(fact.entity), self.term(fact.metric)
        verb = self.words.en_verbs.get(fact.metric)
        be = _be(t)
        reached = self.pick(("reached", "stood at", "totalled", "came to"))
        options = [
            f"{_cap(p)}, {poss} {t} {be} {v}.",
            f"{_cap(poss)} {t} {reached} {v} {p}.",
            f"According to {self.source()}, {poss} {t} {be} {v} {p}.",
        ]
        if verb and fact.entity != "world":
            options.append(f"{_cap(e)} {verb} {v} of rare earths {p}, {self.tail()}.")
        if fact.metric == "reserves":
            options.append(f"{_cap(poss)} rare earth reserves were estimated at {v} {p}.")
        return self.pick(options)

    def _money_sentence(self, fact: Fact, p: str, v: str) -> str:
        e, poss, t = self.name(fact.entity), self.poss(fact.entity), self.term(fact.metric)
        return self.pick(
            (
                f"{_cap(e)} reported {t} of {v} {p}.",
                f"{_cap(poss)} {t} came to {v} {p}, the company said.",
                f"{_cap(p)}, {e} posted {t} of {v}.",
            )
        )

    def _share(self, fact: Fact, p: str, v: str) -> str:
        term, e = self.term(fact.metric), self.name(fact.entity)
        if term.startswith("of "):
            verb = "held" if fact.metric == "reserves_share" else "accounted for"
            return f"{_cap(e)} {verb} {v} {term} {p}."
        return f"{_cap(self.poss(fact.entity))} {term} was {v} {p}."

    def several(self, facts: Sequence[Fact]) -> str:
        first, rest = facts[0], facts[1:]
        verb = self.words.en_verbs.get(first.metric)
        p = _cap(self.period(first.period))
        if verb and first.entity != "world" and self.rng.random() < 0.5:
            items = [f"{self.name(f.entity)} {self.figure(f)}" for f in rest]
            joined = ", ".join(items[:-1]) + (" and " if len(items) > 1 else "") + items[-1]
            return f"{p}, {self.name(first.entity)} {verb} {self.figure(first)}, {joined}."
        t = self.term(first.metric)
        others = " and ".join(f"{self.figure(f)} in {self.name(f.entity)}" for f in rest)
        head = f"{p}, {self.poss(first.entity)} {t} {_be(t)} {self.figure(first)}"
        return f"{head}, compared with {others}."

    def with_share(self, amount: Fact, share: Fact) -> str:
        of = [t for t in self.terms(share.metric) if t.startswith("of ")]
        whole = self.pick(of) if of else "of the world total"
        t = self.term(amount.metric)
        return (
            f"{_cap(self.poss(amount.entity))} {t} {_be(t)} {self.figure(amount)} "
            f"{self.period(amount.period)}, or {self.figure(share)} {whole}."
        )

    def change(self, before: Fact, after: Fact) -> str:
        pct = number(abs(after.value / before.value - 1) * 100, 2)
        up = after.value >= before.value
        poss, t = _cap(self.poss(after.entity)), self.term(after.metric)
        verb = "rose" if up else "fell"
        if self.rng.random() < 0.5:
            word = "an increase" if up else "a decline"
            return (
                f"{poss} {t} {verb} to {self.figure(after)} {self.period(after.period)} "
                f"from {self.figure(before)} {self.period(before.period)}, {word} of {pct}%."
            )
        return f"{poss} {t} {verb} {pct}% to {self.figure(after)} {self.period(after.period)}."

    def two_metrics(self, first: Fact, second: Fact) -> str:
        e, p = _cap(self.name(first.entity)), self.period(first.period)
        t1, t2 = self.term(first.metric), self.term(second.metric)
        p = "for" + p[2:] if p.startswith("in ") else p
        return f"{e} reported {t1} of {self.figure(first)} and {t2} of {self.figure(second)} {p}."

    def outlook(self, fact: Fact, mood: str) -> str:
        e, poss, y = self.name(fact.entity), self.poss(fact.entity), fact.period[:4]
        t, v = self.term(fact.metric), self.figure(fact)
        if mood == "forecast":
            return self.pick(
                (
                    f"{_cap(poss)} {t} {'is' if _be(t) == 'was' else 'are'} expected to reach "
                    f"{v} by {y}.",
                    f"{self.source()} forecasts that {poss} {t} will rise to {v} in {y}.",
                )
            )
        if mood == "target":
            return f"{_cap(e)} aims to raise its {t} to {v} by {y}."
        return f"Even if {poss} {t} reached {v} by {y}, it would not change the global picture."

    def clause(self) -> str:
        return self.pick(EN_CLAUSES)

    def source(self) -> str:
        return "the " + self.pick(self.words.sources).en if self.words.sources else "analysts"

    def noise(self) -> str:
        r = self.rng
        return self.pick(EN_NOISE).format(
            person=self.pick(EN_PEOPLE), age=_randint(r, 38, 67), clause=self.clause(),
            pages=_randint(r, 40, 260), month=self.pick(EN_MONTHS), d=_randint(r, 1, 28),
            section=_randint(r, 2, 9), a=_randint(r, 8000, 9999), b=_randint(r, 1000, 9999),
            delegates=_randint(r, 150, 900), countries=_randint(r, 8, 40),
            rank=_randint(r, 2, 9),
        )  # fmt: skip

    def prose(self) -> str:
        first, second = self.two_clauses()
        speaker = self.pick(EN_SPEAKERS)
        return self.pick(EN_PROSE).format(
            S=speaker, s=speaker[0].lower() + speaker[1:], V=self.pick(EN_SAYS),
            A=first, A_=_cap(first), B=second,
        )  # fmt: skip

    def title(self, fact: Fact, numeric: bool) -> str:
        poss, t = _cap(self.poss(fact.entity)), self.term(SHARES.get(fact.metric, fact.metric))
        if fact.metric == "price":
            t = "NdPr oxide " + t
        if numeric:
            return f"{poss} {t} reached {self.figure(fact)} {self.period(fact.period)}"
        kind = "rare earth " if SHARES.get(fact.metric, fact.metric) in MASS else ""
        trend = self.pick(EN_TRENDS_PLURAL if _be(t) == "were" else EN_TRENDS)
        return f"{poss} {kind}{t} {trend} as {self.pick(EN_TAILS)}"

    def byline(self, outlet: str, day: date) -> str:
        hh, mm = _randint(self.rng, 6, 22), _randint(self.rng, 0, 59)
        return self.pick(
            (f"{outlet} | {day.isoformat()}", f"{outlet} · {day.isoformat()} {hh:02d}:{mm:02d}")
        )

    def dateline(self, outlet: str, day: date) -> str:
        return f"Published: {day.isoformat()} | {outlet}"

    def opening(self, day: date) -> str:
        before = day - timedelta(days=1)
        return f"{self.pick(EN_CITIES)}, {EN_MONTHS[before.month - 1]} {before.day} - "


Writer = ZhWriter | EnWriter


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _be(term: str) -> str:
    """The verb that agrees with an English metric term: imports were, output was."""
    return "were" if term.endswith("s") and not term.endswith("ss") else "was"


# ---------------------------------------------------------------------------------
# Articles
# ---------------------------------------------------------------------------------


@dataclass
class Ledger:
    """What has been written so far: who stated which key correctly, and the plants."""

    world: World
    attested: dict[tuple[str, str, str], list[str]] = field(default_factory=dict)
    counts: dict[tuple[str, str, str], int] = field(default_factory=dict)
    ready: list[tuple[str, str, str]] = field(default_factory=list)  # count >= MIN
    planted_keys: set[tuple[str, str, str]] = field(default_factory=set)
    planted: list[Planted] = field(default_factory=list)
    next_plant: float = 0.0
    figures: int = 0

    def stated(self, fact: Fact, file: str) -> None:
        key = (fact.entity, fact.metric, fact.period)
        self.figures += 1
        files = self.attested.setdefault(key, [])
        if file not in files and len(files) < CORRECT_FILES_KEPT:
            files.append(file)
        count = self.counts.get(key, 0) + 1
        self.counts[key] = count
        if count == MIN_ATTESTED:
            self.ready.append(key)


@dataclass(frozen=True)
class Plant:
    """A planted figure in an article being written."""

    line: int  # 0-based line in the article
    fact: Fact  # with the planted value
    true: float
    written: str
    true_written: str


@dataclass
class Draft:
    """An article being written: its lines and the figures planted in them."""

    lines: list[str]
    size: int
    plants: list[Plant]


@dataclass(frozen=True)
class Pool:
    """The series a writer can put into words, with their cumulative weights."""

    series: tuple[Series, ...]
    weights: tuple[float, ...]

    @classmethod
    def for_writer(cls, world: World, writer: Writer) -> Pool:
        def writable(s: Series) -> bool:
            shared = SHARES.get(s.metric)
            return writer.can_write(s.metric) and (shared is None or writer.can_write(shared))

        series = tuple(s for s in world.series if writable(s))
        return cls(series, tuple(_cumulative([s.weight for s in series])))


class ArticleWriter:
    """Writes one article for file ``file``, dated ``writer.day``, about a topic (one
    series) and others; ``written_before`` is the corpus size before the file."""

    def __init__(
        self, ledger: Ledger, writer: Writer, pool: Pool, file: str, written_before: int
    ) -> None:
        self.ledger = ledger
        self.world = ledger.world
        self.w = writer
        self.rng = writer.rng
        self.day = writer.day
        self.series = pool.series
        self.weights = pool.weights
        self.file = file
        self.written_before = written_before
        self.seen: set[tuple[str, str, str]] = set()
        self.topic = self._pick_series()

    def _pick_series(self) -> Series:
        return self.series[_weighted(self.rng, self.weights)]

    def write(self, title_outlet: tuple[str, str], target: int, dated: bool) -> Draft:
        title, outlet = title_outlet
        head = self.w.dateline(outlet, self.day) if dated else self.w.byline(outlet, self.day)
        draft = Draft([title, head], _size(title) + _size(head) + 2, [])
        blank = self.rng.random() < 0.3
        first = True
        while draft.size < target:
            line = len(draft.lines) + (1 if blank else 0)
            paragraph = self._paragraph(draft, line, first, target - draft.size)
            if first:
                paragraph = self.w.opening(self.day) + paragraph
                first = False
            if blank:
                draft.lines.append("")
                draft.size += 1
            draft.lines.append(paragraph)
            draft.size += _size(paragraph) + 1
        return draft

    def title(self) -> str:
        fact = self._fact(self.topic)
        numeric = fact.metric not in SHARES and self.rng.random() < 0.2
        if numeric:
            self._state(fact)
        return self.w.title(fact, numeric)

    # --- paragraphs ---------------------------------------------------------------

    def _paragraph(self, draft: Draft, line: int, first: bool, room: int) -> str:
        """A paragraph of prose, or of one or two figures among prose; it stops early
        once it fills ``room`` bytes, so that the last one does not overshoot much."""
        parts: list[str] = []
        used = 0
        for kind in self._plan(first):
            if used >= room:
                break
            text = self._claim_sentence(draft, line) if kind else self._filler()
            parts.append(text)
            used += _size(text)
        return self.w.finish(parts)

    def _plan(self, first: bool) -> list[bool]:
        """Which sentences a paragraph has: True for a figure, False for prose."""
        rng = self.rng
        if rng.random() < PROSE_PARAGRAPHS and not first:
            return [False] * _randint(rng, 2, 4)
        plan = [False] if rng.random() < 0.6 and not first else []
        for _ in range(1 if rng.random() < 0.7 else 2):
            plan.append(True)
            plan.extend([False] * _randint(rng, 1, 2))
        return plan

    def _filler(self) -> str:
        return self.w.noise() if self.rng.random() < NOISE_SHARE else self.w.prose()

    def _claim_sentence(self, draft: Draft, line: int) -> str:
        if self._plant_due():
            planted = self._plant(draft, line)
            if planted:
                return planted
        roll = self.rng.random()
        series = self.topic if self.rng.random() < 0.35 else self._pick_series()
        if roll < 0.5:
            return self._single(series)
        if roll < 0.65:
            return self._several(series) or self._single(series)
        if roll < 0.73:
            return self._with_share(series) or self._single(series)
        if roll < 0.8:
            return self._change(series) or self._single(series)
        if roll < 0.87:
            return self._two_metrics(series) or self._single(series)
        return self._outlook(series) or self._single(series)

    # --- facts ----------------------------------------------------------------------

    def _fact(self, series: Series, period: str | None = None) -> Fact:
        """A true fact of ``series``, in a period not yet stated in this article."""
        if period is None:
            for _ in range(3):
                period = self._period(series.metric)
                if (series.entity, series.metric, period) not in self.seen:
                    break
        assert period is not None
        self.seen.add((series.entity, series.metric, period))
        return Fact(series.entity, series.metric, period,
                    self.world.value(series.entity, series.metric, period))  # fmt: skip

    def _period(self, metric: str) -> str:
        """A past period, most often last year; for some metrics a part of a year."""
        last = self.day.year - 1 if self.day >= date(self.day.year, 2, 5) else self.day.year - 2
        if metric in PARTS and self.rng.random() < 0.25:
            part = self._part(last)
            if part:
                return part
        last = max(last, FIRST_YEAR)
        back = min(int(self.rng.expovariate(0.8)), last - FIRST_YEAR)
        return str(last - back)

    def _year(self) -> str:
        """A past whole year, most often last year."""
        return self._period("")

    def _part(self, last: int) -> str | None:
        year = last + 1 if self.rng.random() < 0.6 else last
        part = self.w.pick(("H1", "H2", "Q1", "Q2", "Q3", "Q4", "01..09"))
        period = f"{year}-{part}"
        return period if year >= FIRST_YEAR and is_past(period, self.day) else None

    def _state(self, fact: Fact) -> None:
        self.ledger.stated(fact, self.file)

    def _single(self, series: Series) -> str:
        fact = self._fact(series)
        self._state(fact)
        return self.w.single(fact)[0]

    def _several(self, series: Series) -> str | None:
        if series.metric not in MASS or (series.metric == "reserves" and self.rng.random() < 0.5):
            return None
        others = [s for s in self.series if s.metric == series.metric and s.entity != series.entity]
        others = [s for s in others if s.entity != "world"]
        if not others or series.entity == "world":
            return None
        chosen = _sample(self.rng, others, min(len(others), _randint(self.rng, 1, 2)))
        period = self._year()
        facts = [self._fact(s, period) for s in (series, *chosen)]
        for fact in facts:
            self._state(fact)
        return self.w.several(facts)

    def _with_share(self, series: Series) -> str | None:
        share_metric = {v: k for k, v in SHARES.items()}.get(series.metric)
        share = (series.entity, share_metric)
        if share_metric is None or share not in self.world.annual:
            return None
        period = self._year()
        amount = self._fact(series, period)
        share_fact = Fact(
            series.entity, share_metric, period, self.world.annual[share][int(period)]
        )
        self._state(amount)
        self._state(share_fact)
        return self.w.with_share(amount, share_fact)

    def _change(self, series: Series) -> str | None:
        if series.metric not in FLOWS and series.metric not in MONEY:
            return None
        year = int(self._year())
        if year <= FIRST_YEAR:
            return None
        before, after = self._fact(series, str(year - 1)), self._fact(series, str(year))
        if abs(after.value / before.value - 1) < 0.005:
            return None
        self._state(before)
        self._state(after)
        return self.w.change(before, after)

    def _two_metrics(self, series: Series) -> str | None:
        if series.metric not in MONEY:
            return None
        other = "net_profit" if series.metric == "revenue" else "revenue"
        if (series.entity, other) not in self.world.annual or not self.w.can_write(other):
            return None
        period = self._period(series.metric)
        first = self._fact(series, period)
        second = Fact(series.entity, other, period, self.world.value(series.entity, other, period))
        self._state(first)
        self._state(second)
        return self.w.two_metrics(first, second)

    def _outlook(self, series: Series) -> str | None:
        if (
            series.metric not in FLOWS and series.metric not in MONEY
        ) or self.day.year >= LAST_YEAR:
            return None
        if series.entity == "world":
            return None
        year = _randint(self.rng, self.day.year + 1, LAST_YEAR)
        true = self.world.annual[(series.entity, series.metric)][year]
        guess = _round_sig(true * self.rng.uniform(0.85, 1.15), 2)
        mood = self.w.pick(("forecast", "forecast", "target", "hypothetical"))
        if series.metric in MONEY and mood != "forecast":
            mood = "forecast"
        return self.w.outlook(Fact(series.entity, series.metric, str(year), guess), mood)

    # --- planting -----------------------------------------------------------------

    def _plant_due(self) -> bool:
        return self.written_before >= self.ledger.next_plant and bool(self.ledger.ready)

    def _plant(self, draft: Draft, line: int) -> str | None:
        """A planted wrong statement, for a key other files state correctly."""
        key = self._plant_key()
        if key is None:
            return None
        entity, metric, period = key
        true = self.world.value(entity, metric, period)
        wrong = _wrong_value(self.rng, true, _unit(entity, metric))
        if wrong is None:
            return None
        sentence, written = self.w.single(Fact(entity, metric, period, wrong), exact=True)
        true_written = self.w.figure(Fact(entity, metric, period, true), exact=True)
        draft.plants.append(
            Plant(line, Fact(entity, metric, period, wrong), true, written, true_written)
        )
        self.seen.add(key)
        self.ledger.planted_keys.add(key)
        self.ledger.figures += 1
        self.ledger.next_plant += self.rng.uniform(*PLANT_EVERY)
        return sentence

    def _plant_key(self) -> tuple[str, str, str] | None:
        ready = self.ledger.ready
        for _ in range(30):
            key = ready[int(self.rng.random() * len(ready))]
            files = self.ledger.attested.get(key, [])
            fresh = key not in self.ledger.planted_keys or len(ready) < 4
            usable = self.w.can_write(key[1]) and is_past(key[2], self.day)
            if fresh and usable and any(f != self.file for f in files):
                return key
        return None


def _wrong_value(rng: random.Random, true: float, unit: str) -> float | None:
    """A value 15-60% off ``true``; for a percentage also at least 5 points off and
    between 1 and 99."""
    if unit == "percent" and true < 10:
        return None
    for _ in range(20):
        error = rng.uniform(*PLANT_ERROR)
        wrong = true * (1 + error if rng.random() < 0.5 else 1 - error)
        if unit == "percent":
            wrong = round(wrong, 1 if true != round(true) else 0)
            if not 1 <= wrong <= 99 or abs(wrong - true) < 5:
                continue
            return wrong
        wrong = _round_sig(wrong, max(2, _sig_digits(true)))
        if _sig_digits(wrong) >= max(2, _sig_digits(true)):  # 1万吨 would be too vague
            return wrong
    return None


def _randint(rng: random.Random, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high``, both included (faster than randint)."""
    return low + int(rng.random() * (high - low + 1))


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def _cumulative(weights: Sequence[float]) -> list[float]:
    total, out = 0.0, []
    for w in weights:
        total += w
        out.append(total)
    return out


def _weighted(rng: random.Random, cumulative: Sequence[float]) -> int:
    x = rng.random() * cumulative[-1]
    lo, hi = 0, len(cumulative) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if cumulative[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _sample(rng: random.Random, items: Sequence[Series], k: int) -> list[Series]:
    pool = list(items)
    chosen = []
    for _ in range(k):
        chosen.append(pool.pop(int(rng.random() * len(pool))))
    return chosen


# ---------------------------------------------------------------------------------
# Files and the corpus
# ---------------------------------------------------------------------------------

YEAR_WEIGHTS = {2016: 1, 2017: 1, 2018: 1, 2019: 1, 2020: 1.5, 2021: 1.5, 2022: 2}
YEAR_WEIGHTS |= {2023: 3, 2024: 5, 2025: 7, 2026: 4}


class CorpusWriter:
    """Writes the files one by one, keeping count of bytes, languages and plants."""

    def __init__(self, out_dir: Path, mb: float, seed: int, words: Words) -> None:
        self.out_dir = out_dir
        self.target = round(mb * MB)
        self.seed = seed
        self.words = words
        self.ledger = Ledger(World(seed, words.names))
        self.pools: dict[str, Pool] = {}
        self.ledger.next_plant = random.Random(f"plant:{seed}").uniform(*PLANT_EVERY)
        self.files: list[str] = []
        self.english: list[str] = []
        self.written = 0
        self.english_bytes = 0
        self.articles = 0
        self.titles: set[tuple[str, str]] = set()
        years = sorted(YEAR_WEIGHTS)
        self.years = years
        self.year_weights = _cumulative([YEAR_WEIGHTS[y] for y in years])

    def run(self) -> Manifest:
        while self.written < self.target:
            self._file(len(self.files))
        return Manifest(
            out_dir=str(self.out_dir),
            mb=float(self.target / MB),
            seed=self.seed,
            files=tuple(self.files),
            bytes_written=self.written,
            english_files=tuple(self.english),
            english_bytes=self.english_bytes,
            articles=self.articles,
            figures=self.ledger.figures,
            planted=tuple(self.ledger.planted),
        )

    def _file(self, index: int) -> None:
        rng = random.Random(f"file:{self.seed}:{index}")
        language = "zh" if rng.random() < 0.5 else "en"
        name = f"{index // FILES_PER_FOLDER:04d}/{index:06d}-{language}.txt"
        target = self._file_target(rng)
        parts = 1 if rng.random() < 0.88 or target < 4_000 else _randint(rng, 2, 3)
        lines: list[str] = []
        size = 0
        for k in range(parts):
            share = (target - size) // (parts - k)
            draft = self._article(rng, language, name, share, len(lines), parts == 1)
            if lines:
                lines.append("")
            lines.extend(draft.lines)
            size = _size("\n".join(lines)) + 1
        data = ("\n".join(lines) + "\n").encode("utf-8")
        path = self.out_dir / name
        if index % FILES_PER_FOLDER == 0:
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.files.append(name)
        self.written += len(data)
        if language == "en":
            self.english.append(name)
            self.english_bytes += len(data)

    def _file_target(self, rng: random.Random) -> int:
        remaining = self.target - self.written
        size = _randint(rng, *FILE_BYTES)
        if remaining < size + FILE_BYTES[0]:
            return remaining if remaining <= FILE_BYTES[1] else remaining // 2
        return size

    def _article(
        self, rng: random.Random, language: str, name: str, target: int, offset: int, alone: bool
    ) -> Draft:
        day = self._date(rng)
        writer: Writer = (ZhWriter if language == "zh" else EnWriter)(self.words, rng, day)
        if language not in self.pools:
            self.pools[language] = Pool.for_writer(self.ledger.world, writer)
        article = ArticleWriter(self.ledger, writer, self.pools[language], name, self.written)
        outlets = ZH_OUTLETS if language == "zh" else EN_OUTLETS
        outlet = writer.pick(outlets)
        title = self._unique_title(article, outlet)
        dated = alone and rng.random() < 0.15
        draft = article.write((title, outlet), target - 1, dated)
        first = offset + (1 if offset else 0) + 1  # 1-based line of the title
        for plant in draft.plants:
            self._record_plant(plant, name, first + plant.line, language)
        self.articles += 1
        return draft

    def _record_plant(self, plant: Plant, name: str, line: int, language: str) -> None:
        fact = plant.fact
        key = (fact.entity, fact.metric, fact.period)
        correct = tuple(f for f in self.ledger.attested.get(key, []) if f != name)
        self.ledger.planted.append(
            Planted(
                entity=fact.entity,
                metric=fact.metric,
                period=fact.period,
                true_value=plant.true,
                planted_value=fact.value,
                unit=_unit(fact.entity, fact.metric),
                written=plant.written,
                true_written=plant.true_written,
                file=name,
                line=line,
                language=language,
                correct_files=correct,
            )
        )

    def _unique_title(self, article: ArticleWriter, outlet: str) -> str:
        title = article.title()
        for _ in range(4):
            if (outlet, title) not in self.titles:
                break
            title = article.title()
        if (outlet, title) in self.titles:
            issue = len(self.titles)
            title += f"（第{issue}期）" if article.w.language == "zh" else f" (issue {issue})"
        self.titles.add((outlet, title))
        return title

    def _date(self, rng: random.Random) -> date:
        """A publication date from March 2016 (the first year's figures are out) to
        June 2026, most often in 2024-2025."""
        year = self.years[_weighted(rng, self.year_weights)]
        first = date(year, 3, 1) if year == self.years[0] else date(year, 1, 1)
        last = date(year, 6, 30) if year == self.years[-1] else date(year, 12, 31)
        return first + timedelta(days=int(rng.random() * ((last - first).days + 1)))


def generate(out_dir: Path, mb: float, seed: int = 0) -> Manifest:
    """Write a corpus of about ``mb`` megabytes into ``out_dir`` (created; it must be
    empty or absent) and return its manifest. Raises ``ValueError`` for ``mb <= 0``
    and ``FileExistsError`` for a folder that is not empty or a file in its place."""
    if not mb > 0 or not math.isfinite(mb):
        raise ValueError(f"--mb must be a positive number, not {mb}")
    out_dir = Path(out_dir)
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())):
        raise FileExistsError(f"{out_dir} exists and is not an empty folder")
    out_dir.mkdir(parents=True, exist_ok=True)
    return CorpusWriter(out_dir, mb, seed, load_words()).run()


# ---------------------------------------------------------------------------------
# Scoring a recheck report against the manifest
# ---------------------------------------------------------------------------------


class _ClaimLike(Protocol):
    path: str
    line: int
    value: float
    origin: str


class _ContradictionLike(Protocol):
    claims: Sequence[_ClaimLike]


class _ReportLike(Protocol):
    contradictions: Sequence[_ContradictionLike]


@dataclass(frozen=True)
class Score:
    planted: int
    found: int
    missed: tuple[Planted, ...]
    findings: int  # contradictions reported
    other_findings: int  # contradictions holding no planted statement

    @property
    def recall(self) -> float:
        return self.found / self.planted if self.planted else 1.0


def score(manifest: Manifest, report: _ReportLike) -> Score:
    """How many planted statements ``report`` (a recheck Report) holds in a
    contradiction, and how many of its contradictions hold none."""
    by_place: dict[tuple[str, int], list[Planted]] = {}
    for planted in manifest.planted:  # a line may hold two planted figures
        by_place.setdefault((planted.file, planted.line), []).append(planted)
    found: set[Planted] = set()
    other = 0
    for contradiction in report.contradictions:
        hits = {_planted_place(c, by_place) for c in contradiction.claims} - {None}
        found.update(h for h in hits if h is not None)
        other += not hits
    missed = tuple(p for p in manifest.planted if p not in found)
    return Score(
        planted=len(manifest.planted),
        found=len(manifest.planted) - len(missed),
        missed=missed,
        findings=len(report.contradictions),
        other_findings=other,
    )


def _planted_place(
    claim: _ClaimLike, by_place: dict[tuple[str, int], list[Planted]]
) -> Planted | None:
    """The planted statement ``claim`` is, if any: same file and line, same value."""
    if claim.origin != "article":
        return None
    path = claim.path.replace("\\", "/")
    parts = path.split("/")
    relative = "/".join(parts[-2:])
    for planted in by_place.get((relative, claim.line), ()):
        if math.isclose(claim.value, planted.planted_value, rel_tol=1e-6):
            return planted
    return None


# ---------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="corpus.py", description="Write a deterministic bilingual benchmark corpus."
    )
    parser.add_argument("out_dir", type=Path, metavar="OUTDIR")
    parser.add_argument("--mb", type=float, required=True, help="megabytes (10^6 bytes) to write")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--manifest", type=Path, help="write the manifest (JSON) here")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    try:
        manifest = generate(args.out_dir, args.mb, args.seed)
    except (ValueError, FileExistsError, OSError) as exc:
        print(f"corpus.py: error: {exc}", file=sys.stderr)
        return 2
    if args.manifest is not None:
        _write_json(args.manifest, manifest.to_record())
    elapsed = time.perf_counter() - began
    print(_summary(manifest, elapsed))
    return 0


def _write_json(path: Path, record: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _summary(manifest: Manifest, elapsed: float) -> str:
    return (
        f"{manifest.files_written:,} files, {manifest.bytes_written:,} bytes "
        f"({manifest.english_bytes:,} in {len(manifest.english_files):,} English files), "
        f"{manifest.articles:,} articles, {manifest.figures:,} figures, "
        f"{len(manifest.planted)} planted contradictions, in {elapsed:.1f} s"
    )


if __name__ == "__main__":
    sys.exit(main())
