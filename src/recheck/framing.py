"""Frame each quantity as a claim: who it is about, what it measures, when, and whether
it is stated as fact.

Binding works clause by clause, so that in a long sentence each number takes its own
subject and metric rather than the first ones the sentence names:

* entity: the nearest subject named before the number in its clause, else after it in
  the clause, else the nearest one earlier in the sentence, else the subject of the
  previous sentence. Agencies and outlets (sources) are never subjects, and a share
  never belongs to the world (占全球85% is somebody else's share);
* metric: the nearest metric term of a compatible kind in the clause, else earlier in
  the sentence. A percentage next to a tonnage metric is a share of it; next to a change
  word (同比上涨, a 65% difference) it is a change and is left unframed;
* period: the nearest time expression in the clause, else the nearest earlier in the
  sentence, else "current";
* modality: a deadline (到2030年, by 2028) or a cue word (目标, 有望, expected to, 如果)
  earlier in the sentence marks the figure as target / forecast / plan / hypothetical.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import pairwise
from typing import NamedTuple

from .exchange import currency_of
from .models import Article, Claim, Frame, Quantity, Sentence
from .periods import AGAINST_YEAR_BEFORE, CURRENT, PeriodMention, find_periods, topic_period
from .termregex import matches_at
from .units import UnitError, canonical_figure, quantity_kind
from .vocabulary import Mention, Vocabulary

# Clause boundaries: CJK commas and enumerations of clauses, English ", " and dashes.
# A comma between digits (45,000) is a thousands separator, not a boundary.
_CLAUSE = re.compile(r"[，;；:：—]+|(?<!\d),|,(?!\d)|\s[-–]\s")
# Every boundary starts at one of these, or one character before a dash.
_CLAUSE_CUE = re.compile(r"[，;；:：—,\-–]")
# In Chinese, a name right after one of these is an object (向美国投资, 仅次于中国,
# 对东南亚的出口), not the subject of the figure.
_ZH_OBJECT_MARKER = re.compile(r"(?:向|对|给|与|跟|同|比|于|和|较|从)$")
_ZH_OBJECT_MARKER_SCOPED = re.compile(r"(?:向|对|给|与|跟|同|比|于|和|较)$")
# Where imports come from: 从中国, 来自中国, from China.
_SOURCE_MARKER = re.compile(r"(?:从|来自|自|(?i:\bfrom)(?:\s+the)?\s*)$")
_EN_OF = re.compile(r"\bof(?:\s+the)?\s*$")
_CJK = re.compile(r"[\u4e00-\u9fff]")

Extractor = Callable[[str], list[Quantity]]


class _Clause(NamedTuple):  # (tuples: made several times a sentence, and cheaply)
    start: int
    end: int


class _Context(NamedTuple):
    """One sentence as its figures see it, worked out once for all of them."""

    text: str
    quantities: list[Quantity]
    mentions: list[Mention]
    subjects: list[Mention]  # the mentions that may be a figure's subject (_is_subject)
    metric_mentions: list[Mention]  # metric and generic terms
    periods: list[PeriodMention]
    clauses: list[_Clause]
    previous_subject: str | None
    dominant: list[str]


_METRIC_KINDS = {"metric", "generic"}


class Framer:
    """Frames the quantities of one article at a time against a vocabulary."""

    def __init__(self, vocabulary: Vocabulary, extract: Extractor) -> None:
        self.vocab = vocabulary
        self.extract = extract
        change = vocabulary.change_cues.pattern
        self._cue_touching = re.compile(rf"(?:{change})[了约近达为]?\s*$")
        self._change_after = re.compile(rf"\s+(?:{change})\b")
        self._names_change = re.compile(
            rf"{_METRIC_TO_CHANGE}(?:{change})[了约近达为]?\s*(?:(?i:by)\s+)?"
        )
        self._base_before = re.compile(rf"(?:{vocabulary.base_cues.pattern})\s*$")
        self._ranking_after = re.compile(rf"\s*的?\s*(?:{vocabulary.ranking_cues.pattern})")
        self._share_metric = {m.share_of: m.id for m in vocabulary.metrics.values() if m.share_of}
        self._global_shares = set(self._share_metric.values())
        self._own_shares = [m for m in vocabulary.metrics.values() if m.own_share]
        self._variant_of = {v: m.id for m in vocabulary.metrics.values() for v, _ in m.variants}
        # where a price in a currency is quoted when its sentence names no place (元: China)
        self._market = {e.currency: e.id for e in vocabulary.entities.values() if e.currency}
        # The dimension of each metric that is not a share cue (what binds "directly").
        self._direct_dimension = {
            m.id: m.dimension for m in vocabulary.metrics.values() if not m.share_cue
        }

    # -- the article loop ---------------------------------------------------------
    def frame_article(self, article: Article, sentences: Iterable[Sentence]) -> list[Claim]:
        claims: list[Claim] = []
        context_year: int | None = None
        context_period: str | None = None
        previous_subject: str | None = None
        last_of_kind: dict[str, str] = {}
        carried: dict[str, tuple[str, str]] = {}  # kind -> (metric, word) of the sentence before
        previous_line = 0
        origin = _origin(article)
        scanned = [(sentence, self.vocab.scan(sentence.text)) for sentence in sentences]
        dominant = self._dominant_entities(m for _, found in scanned for m in found)
        for sentence, found in scanned:
            text = sentence.text
            if sentence.line > previous_line + 1:
                carried = {}  # a blank line ends a paragraph, and what it was about
            previous_line = sentence.line
            periods = find_periods(text, article.date, context_year, context_period)
            extracted = self.extract(text)
            mentions = self._resolve_pronouns(_outside(found, extracted), last_of_kind)
            quantities = [
                _per_year_as_amount(q)
                for q in extracted
                if not any(p.start <= q.start < p.end for p in periods)
            ]
            subjects = [m for m in mentions if self._is_subject(m) and not self._ranks(text, m)]
            metric_mentions = [m for m in mentions if m.kind in _METRIC_KINDS]
            stated = {  # a question names the metric its answer takes (…有多少呢？答案是…)
                self.vocab.metrics[m.ref].dimension: (m.ref, m.word)
                for m in metric_mentions
                if m.kind == "metric" and not self.vocab.metrics[m.ref].share_cue
            }
            if quantities:
                context = _Context(
                    text,
                    quantities,
                    mentions,
                    subjects,
                    metric_mentions,
                    periods,
                    _clauses(text),
                    previous_subject,
                    dominant,
                )
                claims += self._sentence_claims(context, sentence, origin, carried, stated)
            carried = stated
            if subjects:
                previous_subject = self._entity_id(_main_subject(text, subjects))
            for m in subjects:
                last_of_kind[self.vocab.entities[m.ref].kind] = m.ref
            latest = _latest_year(periods)
            if latest is not None:
                context_year = latest
            context_period = topic_period(periods) or context_period
        return claims

    def _sentence_claims(
        self,
        context: _Context,
        sentence: Sentence,
        origin: dict[str, str | None],
        carried: dict[str, tuple[str, str]],
        stated: dict[str, tuple[str, str]],
    ) -> list[Claim]:
        """The claims of one sentence's figures. ``carried``: the metric of each kind
        the sentence before named; ``stated``, this sentence's, gains the figures'."""
        claims = []
        listed: tuple[str, str, str] | None = None  # (cue, metric, word) of the share before
        amount: Frame | None = None  # the frame of the amount just before, if it was one
        for quantity in context.quantities:
            frame = self._frame(context, quantity)
            kind = quantity_kind(quantity.unit)
            if kind == "percent" and amount is not None and amount.entity:
                frame = self._share_of_amount(context, quantity, frame, amount)
            amount = frame if kind not in _RELATIVE_KINDS else None
            if kind == "percent":
                # 中国约占九成，莱纳斯的工厂约占7%，其他地区合计约占8%: a list of shares
                # of one whole, each after the same word, are shares of the first's whole
                cue = _share_verb(context, quantity)
                if frame.metric is None and listed is not None and cue == listed[0]:
                    frame = self._frame(context, quantity, given=listed[1:])
                listed = (cue, frame.metric, frame.metric_word) if cue and frame.metric else None
            else:
                listed = None
            if frame.metric is not None:
                stated[kind] = (frame.metric, frame.metric_word)
            elif (
                kind in _CARRIED_KINDS
                and kind in carried
                and not any(m.start < quantity.start for m in context.metric_mentions)
            ):
                # 中国的稀土储量究竟有多少呢？答案是4400万吨: the question names the metric
                metric, word = carried[kind]
                # …but not its product: 氧化镝价格为每公斤800美元。氧化铽则为每公斤3,000美元。
                metric, word = self._carried_variant(context, quantity, metric) or (metric, word)
                frame = replace(frame, metric=metric, metric_word=word)
            claim = _make_claim(origin, sentence, quantity, frame)
            if claim is not None:
                claims.append(claim)
        return claims

    def _resolve_pronouns(
        self, mentions: list[Mention], last_of_kind: dict[str, str]
    ) -> list[Mention]:
        """该公司 / the company stand for the company named last; unresolved ones drop.
        (The mentions themselves when none is a pronoun: nothing mutates them.)"""
        if all(m.kind != "pronoun" for m in mentions):
            return mentions
        resolved = []
        for m in mentions:
            if m.kind == "pronoun":
                if m.ref not in last_of_kind:
                    continue
                m = replace(m, kind="entity", ref=last_of_kind[m.ref])
            resolved.append(m)
        return resolved

    def _dominant_entities(self, mentions: Iterable[Mention]) -> list[str]:
        """The article's subjects, most often named first."""
        counts = Counter(self._entity_id(m) for m in mentions if self._is_subject(m))
        return [entity for entity, _ in counts.most_common()]

    # -- one quantity -------------------------------------------------------------
    def _frame(self, context: _Context, q: Quantity, given: tuple[str, str] | None = None) -> Frame:
        """``q``'s frame; ``given``: the metric and its word, when the caller knows them."""
        text, clauses = context.text, context.clauses
        position, clause = _clause_of(clauses, q.start)
        index = len(clauses) - 1 if position is None else position
        kind = quantity_kind(q.unit)
        lead = _lead(text, q)
        metric, metric_word = given or self._pick_metric(context, q, kind, clause, lead)
        if metric is not None:
            # a share is of the amount in the clause before (…钕铁硼产量30万吨，占全球产量的94%)
            window = clauses[index - 1] if kind == "percent" and index > 0 else clause
            variant = self._variant(text, metric, _Clause(window.start, clause.end))
            if variant is None and (kind == "price" or self._is_base(text, lead, clause)):
                variant = self._product_before(text, metric, clause.start)
            metric, metric_word = variant or (metric, metric_word)
        if metric in self._global_shares:
            metric, metric_word = self._own_share(text, q, context.mentions, clause) or (
                metric,
                metric_word,
            )
        scoped = bool(metric and self.vocab.metrics[metric].scoped)
        entity_mention = self._pick_entity(context, q, kind, clause, scoped)
        group = self._coordinated(text, entity_mention, context.subjects) if entity_mention else []
        if len(group) > 1:  # 美国、日本加起来…: nobody alone, unless 分别 hands them out
            entity_mention = _respectively(text, q, kind, group, context.quantities)
            entity = self._entity_id(entity_mention) if entity_mention else None
        elif entity_mention is not None:
            entity = self._entity_id(entity_mention)
        elif kind == "price":  # a price is of a market, not of the subject before
            entity = self._market.get(currency_of(q.unit) or "")
        else:
            entity = context.previous_subject
        scope = self._scope(context, q, entity) if scoped else None
        period_mention = _pick_period(text, q, context.periods, clause, lead, self._base_before)
        period = period_mention.period if period_mention else CURRENT
        modality, modal_word = self._modality(context, q, position or 0)
        change_of = None
        if metric is None and kind == "percent" and self._is_change(text, q):
            change_of = self._changed_metric(context, clause, lead)
        return Frame(
            entity=entity if scope is None else f"{entity}@{scope}",
            metric=metric,
            period=period,
            modality=modality,
            entity_word=entity_mention.word if entity_mention else "",
            metric_word=metric_word,
            period_word=(period_mention.word if period_mention else "") or modal_word,
            change_of=change_of,
        )

    def _is_subject(self, mention: Mention) -> bool:
        return mention.kind == "entity" and self.vocab.entities[mention.ref].kind != "source"

    def _ranks(self, text: str, mention: Mention) -> bool:
        """Whether ``mention`` is the world ranking another subject (全球最大的…, "the
        world's largest reserves"), not a subject itself."""
        return self.vocab.entities[mention.ref].kind == "world" and bool(
            self._ranking_after.match(text, mention.end)
        )

    def _entity_id(self, mention: Mention) -> str:
        return self.vocab.entities[mention.ref].subject_id

    def _pick_entity(
        self,
        context: _Context,
        q: Quantity,
        kind: str,
        clause: _Clause,
        scoped: bool,
    ) -> Mention | None:
        """The subject of ``q``. For a scoped metric (share of imports) the country the
        goods come from (从马来西亚进口, 来自中国) is the subject."""
        text = context.text
        objects = _ZH_OBJECT_MARKER if not scoped else _ZH_OBJECT_MARKER_SCOPED

        def usable(m: Mention) -> bool:  # m is a subject (context.subjects)
            if m.possessive and m.start > q.start:
                return False
            # (pos, endpos rather than a slice: neither pattern looks behind the slice)
            if objects.search(text, max(0, m.start - 3), m.start) and not _OWNS.fullmatch(
                text, m.end, q.start
            ):
                return False  # 向美国投资…; but 与中国的27万吨相比: China's 27万吨
            if (
                m.possessive
                and _EN_OF.search(text[max(0, m.start - 8) : m.start])
                and not _owns_next(text, m, q)
            ):
                return False  # "80% of the U.S.'s imports": whose imports, not who supplies
                # (but "a fraction of China's 44 million tonnes": China's 44 million)
            return not (kind == "percent" and self.vocab.entities[m.ref].kind == "world")

        candidates = [m for m in context.subjects if usable(m)]
        if _RELATIVE.match(text, clause.start):  # ", whose output of 31,000 tonnes"
            named = [m for m in candidates if m.end <= clause.start]
            if named and not text[named[-1].end : clause.start].strip(" ,"):
                return named[-1]
        locus = next(
            (
                m
                for m in candidates
                if m.start >= q.end and _EN_LOCUS.fullmatch(text, q.end, m.start)
            ),
            None,
        )
        if locus is not None and self.vocab.entities[locus.ref].kind in _PLACES:
            return locus  # "45,000 t in the United States and 43,000 t in Myanmar"
        # An English name after a preposition ("an order from the United States") is the
        # subject only when nothing else is; after "in" it is the subject of its own
        # clause ("output in China rose to…") but not of a later one ("the Mountain Pass
        # mine in the U.S., …, produced 45,000 t").
        prepositions: dict[int, str] = {}  # computed only for the mentions looked at

        def preposition(m: Mention) -> str:
            if id(m) not in prepositions:
                prepositions[id(m)] = self._en_preposition(text, m, q)
            return prepositions[id(m)]

        before = [m for m in candidates if clause.start <= m.start and m.end <= q.start]
        after = [m for m in candidates if q.end <= m.start < clause.end]
        earlier = [m for m in candidates if m.end <= clause.start]
        before.reverse()  # the nearest first, as after is
        earlier.reverse()
        for scope, allowed in (
            (before, {"", "in"}),
            (after, {"", "in"}),
            (earlier, {""}),
            (earlier, {"in"}),
            (before, None),
            (after, None),
            (earlier, None),
        ):
            for m in scope:
                if allowed is None or preposition(m) in allowed:
                    return m
        return None

    def _coordinated(self, text: str, chosen: Mention, subjects: list[Mention]) -> list[Mention]:
        """The subjects joined to ``chosen`` by 、/和/与/and (``美国、日本``, "the U.S. and
        Australia"), in order; just ``[chosen]`` when it stands alone. ``subjects``: the
        sentence's."""
        index = next(i for i, m in enumerate(subjects) if m is chosen)  # (it is one of them)
        first = last = index
        while first > 0 and _COORDINATOR.fullmatch(
            text, subjects[first - 1].end, subjects[first].start
        ):
            first -= 1
        while last + 1 < len(subjects) and _COORDINATOR.fullmatch(
            text, subjects[last].end, subjects[last + 1].start
        ):
            last += 1
        group = subjects[first : last + 1]
        weak = any(_WEAK_COORDINATOR.fullmatch(text, a.end, b.start) for a, b in pairwise(group))
        if weak and not _GROUP_TAIL.match(text, group[-1].end):
            return [chosen]  # 美国战略金属公司与巴基斯坦签署: 与 is "with" here
        ids = {self._entity_id(m) for m in group}
        return group if len(ids) > 1 else [chosen]

    def _en_preposition(self, text: str, m: Mention, q: Quantity) -> str:
        """The English preposition that makes ``m`` an object ("" when none does).
        "in" makes a place the figure's locus ("output in China"), but a company an
        object ("invested $400 million in MP Materials"). A name that owns the figure
        right after it ("compared to China's 10,000 t", "the U.S. at $58,000") is the
        subject whatever precedes it."""
        if m.start == 0 or not text[m.start - 1].isspace():
            return ""  # the pattern ends in spaces (str.isspace is the regex's \s)
        if _owns_next(text, m, q):
            return ""
        word = _preposition_before(text, m)
        if word == "in" and self.vocab.entities[m.ref].kind not in _PLACES:
            return "in a company"
        return word

    def _pick_metric(
        self, context: _Context, q: Quantity, kind: str, clause: _Clause, lead: int
    ) -> tuple[str | None, str]:
        """The metric of ``q`` and the word that names it. ``lead``: where ``q`` starts
        with its hedge (:func:`_lead`)."""
        text, metric_mentions = context.text, context.metric_mentions
        relative = kind in {"percent", "count", "fold"}
        if kind == "count":  # (before the part cues: "added six … elements to its list")
            counted = self._counted(text, q, clause, metric_mentions)
            if counted is not None:
                return counted
        if relative and self._is_part(text, q):
            return None, ""
        in_clause = [
            m
            for m in metric_mentions
            if clause.start <= m.start < clause.end
            and not _introduces_another(text, m, q, context.quantities)
        ]
        in_clause.sort(key=lambda m: _distance(q, m, lead))
        # A metric whose values are themselves this kind (出口增长了35%: export growth)
        # binds before the change words; otherwise a figure next to one is a change.
        direct = next((m for m in in_clause if self._direct_dimension.get(m.ref) == kind), None)
        if direct is not None and kind != "mass":
            return direct.ref, direct.word
        if relative and self._is_change(text, q):
            return None, ""
        earlier = [m for m in metric_mentions if m.end <= clause.start]
        earlier.reverse()
        if kind == "percent":
            # A percentage borrows a metric from an earlier clause only across clauses
            # that hold no other figure (中国的产能占全球85%,…,全球90%来自… stays apart),
            # unless it is a share of the whole and the figure before is an amount: then
            # it is that amount's share (中国约4,400万吨，约占全球的49%).
            before = [o for o in context.quantities if o.end <= clause.start]
            barrier = before[-1].end if before else -1
            if (
                before
                and not in_clause
                and quantity_kind(before[-1].unit) != "percent"
                and self._of_whole(text, q, clause)
            ):
                barrier = before[-2].end if len(before) > 1 else -1
            earlier = [m for m in earlier if m.start >= barrier]
        for mention in (*in_clause, *earlier):
            if self.vocab.metrics[mention.ref].share_cue:
                base = self._share_base(mention, metric_mentions)
                if kind == "percent" and base is not None:
                    return base, mention.word
                continue
            metric = self._resolve_metric(mention, metric_mentions)
            bound = self._bind(metric, kind)
            if bound is not None:
                return bound, mention.word
        return None, ""

    def _counted(
        self, text: str, q: Quantity, clause: _Clause, metric_mentions: list[Mention]
    ) -> tuple[str, str] | None:
        """The metric named anywhere in the sentence whose ``counted`` words follow ``q``
        closely ("added six medium and heavy rare earth elements … to its export control
        list")."""
        end = min(clause.end, q.end + 40)
        for mention in metric_mentions:
            counted = self.vocab.metrics[mention.ref].counted
            if counted is not None and counted.search(text, q.end, end):
                return mention.ref, mention.word
        return None

    def _carried_variant(
        self, context: _Context, q: Quantity, metric: str
    ) -> tuple[str, str] | None:
        """The variant of a metric carried from the sentence before whose word is in
        ``q``'s clause (another product's price), if any."""
        base = self._variant_of.get(metric, metric)
        return self._variant(context.text, base, _clause_of(context.clauses, q.start)[1])

    def _variant(self, text: str, metric: str, clause: _Clause) -> tuple[str, str] | None:
        """The metric's variant whose word is in the clause (exports of magnets)."""
        for variant, pattern in self.vocab.metrics[metric].variants:
            match = pattern.search(text, clause.start, clause.end)
            if match:
                return variant, match.group(0)
        return None

    def _is_base(self, text: str, lead: int, clause: _Clause) -> bool:
        """Whether the figure starting at ``lead`` is what a change is measured from
        ("up from 264 tons"): it is of the same thing as the figure it is compared with."""
        return bool(self._base_before.search(text, clause.start, lead))

    def _product_before(self, text: str, metric: str, end: int) -> tuple[str, str] | None:
        """The variant named last before ``end`` in the sentence: the product a sentence
        is about keeps its price across clauses ("Dysprosium oxide … has traded at $800 a
        kilogram in Rotterdam, compared with about $300 in China"), and a figure a change
        is measured from is of the product the change is ("597 tonnes of NdPr oxide, up
        from 264 tons")."""
        named = [
            (match.start(), variant, match.group(0))
            for variant, pattern in self.vocab.metrics[metric].variants
            for match in pattern.finditer(text, 0, end)
        ]
        if not named:
            return None
        _, variant, word = max(named)
        return variant, word

    def _own_share(
        self, text: str, q: Quantity, mentions: list[Mention], clause: _Clause
    ) -> tuple[str, str] | None:
        """A share of the entity's own needs (美国自身的…占比33%, "30% of military
        needs") is not a share of the world's total: the metric whose ``own_share``
        words are in the clause, unless the clause names the world."""
        end = min(clause.end, q.end + 30)
        if any(
            m.kind == "entity"
            and self.vocab.entities[m.ref].kind == "world"
            and clause.start <= m.start < end
            for m in mentions
        ):
            return None
        for metric in self._own_shares:
            assert metric.own_share is not None
            match = metric.own_share.search(text, clause.start, end)
            if match:
                return metric.id, match.group(0)
        return None

    def _share_base(self, cue: Mention, metric_mentions: list[Mention]) -> str | None:
        """占比, 比例, share: a share of the amount metric named last before the cue."""
        for other in reversed([m for m in metric_mentions if m.end <= cue.start]):
            metric = self._resolve_metric(other, metric_mentions)
            if metric in self._share_metric:
                return self._share_metric[metric]
        return None

    def _resolve_metric(self, mention: Mention, metric_mentions: list[Mention]) -> str:
        """A generic term (产量, output) takes its family's specific metric from context."""
        if mention.kind != "generic":
            return mention.ref
        family = self.vocab.metrics[mention.ref].family
        for other in reversed([m for m in metric_mentions if m.end <= mention.start]):
            if other.kind == "metric" and self.vocab.metrics[other.ref].family == family:
                return other.ref
        return mention.ref

    def _bind(self, metric: str, kind: str) -> str | None:
        """The metric a quantity of ``kind`` takes from a term of ``metric``, if any."""
        wanted = self.vocab.metrics[metric].dimension
        if wanted == kind or (wanted == "any" and kind not in {"points", "other"}):
            return metric
        if kind == "percent" and metric in self._share_metric:
            return self._share_metric[metric]
        return None

    def _share_of_amount(
        self, context: _Context, q: Quantity, frame: Frame, amount: Frame
    ) -> Frame:
        """A share of the whole whose clause names nobody is the share of whoever the
        amount just before it is about ("Myanmar, whose output of 31,000 tonnes last
        year, about 12% of the global total")."""
        _, clause = _clause_of(context.clauses, q.start)
        if not self._of_whole(context.text, q, clause) or any(
            clause.start <= m.start < clause.end and self.vocab.entities[m.ref].kind != "world"
            for m in context.subjects
        ):
            return frame
        return replace(frame, entity=amount.entity, entity_word=amount.entity_word)

    def _of_whole(self, text: str, q: Quantity, clause: _Clause) -> bool:
        """Whether the clause says ``q`` is a share of a whole, near it: 约占全球的49%,
        "nearly 70% of the global total"."""
        window = text[max(clause.start, q.start - 12) : min(clause.end, q.end + 30)]
        return bool(self.vocab.whole_cues.search(window))

    def _is_part(self, text: str, q: Quantity) -> bool:
        """A part of another figure (新增五种, 其中70%, an additional $150 million) is
        never the whole, whatever metric is named next to it."""
        near = text[max(0, q.start - 6) : q.start] + text[q.end : q.end + 6]
        return bool(self.vocab.part_cues.search(near))

    def _changed_metric(self, context: _Context, clause: _Clause, lead: int) -> str | None:
        """The metric a change names right before it, in its clause: 营业收入同比增长约34%,
        "net profit rose 34%"; nothing when other words stand between them (营业收入
        35亿元，同比增长34%: the change of the figure, read by the rules)."""
        before = [m for m in context.metric_mentions if clause.start <= m.start and m.end <= lead]
        if not before:
            return None
        named = max(before, key=lambda m: m.end)
        if self.vocab.metrics[named.ref].share_cue or not self._names_change.fullmatch(
            context.text, named.end, lead
        ):
            return None
        metric = self._resolve_metric(named, context.metric_mentions)
        return None if self._direct_dimension.get(metric) == "percent" else metric

    def _is_change(self, text: str, q: Quantity) -> bool:
        """A change (同比上涨12.1%, a 65% difference) is not a level."""
        before = text[max(0, q.start - 6) : q.start]
        after = text[q.end : q.end + 14]
        return bool(
            self._cue_touching.search(before)
            or (self._change_after.match(after) and after[:2].isascii())
        )

    def _scope(self, context: _Context, q: Quantity, entity: str | None) -> str | None:
        text = context.text
        possessives = [m for m in context.subjects if m.possessive and self._entity_id(m) != entity]
        if possessives:
            nearest = min(possessives, key=lambda m: _distance(q, m))
            return self._entity_id(nearest)
        # 美国从中国进口的占70%，从马来西亚进口的占28%: the importer is the subject named
        # before, not after 从 / from
        importers = [
            m
            for m in context.subjects
            if m.end <= q.start
            and self._entity_id(m) != entity
            and not _SOURCE_MARKER.search(text, max(0, m.start - 6), m.start)
        ]
        if importers:
            return self._entity_id(importers[-1])
        return next((e for e in context.dominant if e != entity), None)

    def _modality(self, context: _Context, q: Quantity, index: int) -> tuple[str, str]:
        """A cue or a deadline governs the figures after it in its own clause and the
        next one, up to the next figure ("a target of 1,500 t, against China's 10,000 t":
        only the first is a target); a condition (如果, 即便, if) governs them all.
        ``index``: the clause of ``q``."""
        text = context.text
        window_start = context.clauses[max(0, index - 1)].start
        previous_figure = max((o.end for o in context.quantities if o.end <= q.start), default=-1)
        start = max(window_start, previous_figure)
        cue = self.vocab.modality(_outside_periods(text, start, q.end + 12, context.periods))
        if cue:
            return cue
        # A condition governs its whole clause, figures and all (即便美国把产量翻一番，
        # 达到9万吨: the 9万吨 is as hypothetical as the doubling). Without a figure
        # before q in the window, that is the text just searched, which holds no cue.
        if start > window_start:
            condition = self.vocab.modality(
                _outside_periods(text, window_start, q.end + 12, context.periods)
            )
            if condition and condition[0] == "hypothetical":
                return condition
        deadline = next(
            (p for p in context.periods if p.deadline and start <= p.start < q.end + 12), None
        )
        if deadline:
            return "forecast", deadline.word
        return "actual", ""


def _outside_periods(text: str, start: int, end: int, periods: list[PeriodMention]) -> str:
    """``text[start:end]`` with the periods in it blanked out: the month of "in May 2024"
    is not the modal "may"."""
    head = text[start:end]
    for p in periods:
        if p.start < end and p.end > start:
            a, b = max(p.start, start) - start, min(p.end, end) - start
            head = head[:a] + " " * (b - a) + head[b:]
    return head


# A relative clause, about the name right before it: "…in Myanmar, whose output of…"
_RELATIVE = re.compile(r"\s*(?:whose|which|who)\b", re.IGNORECASE)
_EN_PREPOSITION = re.compile(
    r"\b(in|from|to|than|against|into|across|outside|toward|towards|beyond|over)"
    r"(?:\s+the)?\s+$",
    re.IGNORECASE,
)


_EN_OWNS = re.compile(
    r"\s*(?:at|of|with)?\s*(?:about|around|nearly|almost|over|more than|less than|some"
    r"|roughly|just|only)?\s*",
    re.IGNORECASE,
)


def _owns_next(text: str, m: Mention, q: Quantity) -> bool:
    """Whether an English name owns the figure right after it ("China's 44 million
    tonnes", "the U.S. at $58,000")."""
    return m.end <= q.start and bool(_EN_OWNS.fullmatch(text, m.end, q.start))


# A place named right after the figure: "43,000 tonnes in Myanmar", "5% of output in China".
_EN_LOCUS = re.compile(r"(?:\s+of\s+[A-Za-z -]{1,40}?)?\s+in\s+(?:the\s+)?", re.IGNORECASE)
_PLACES = {"country", "region", "world", "aggregate"}


# Amounts whose metric may come from the sentence before when theirs names none (shares
# and counts may not: a bare percentage is as often a change as a share).
_CARRIED_KINDS = {"mass", "money", "price"}
_RELATIVE_KINDS = {"percent", "count", "fold", "points"}
# A name that owns the figure right after it: 中国的27万吨, 中国的约27万吨.
_OWNS = re.compile(r"的(?:约|近|仅|超过|逾|大约|将近)?\s*")
# What joins coordinated subjects: 美国、日本 / 美国和日本 / the U.S. and Australia.
_COORDINATOR = re.compile(r"\s*(?:[、/&]|和|与|及|以及|跟|同|(?:,\s*)?and(?:\s+the)?)\s*")
# 和/与/跟/同 also mean "with" (与巴基斯坦签署); they join subjects only before a word that
# makes them one party (的, 加起来, 两国, 分别).
_WEAK_COORDINATOR = re.compile(r"\s*(?:和|与|及|以及|跟|同)\s*")
_GROUP_TAIL = re.compile(
    r"\s*(?:的|加起来|合计|合起来|共|总共|一共|两国|三国|两家|均|都|分别|各自|一起)"
)
_RESPECTIVELY = re.compile(r"分别|各自|respectively", re.IGNORECASE)


def _respectively(
    text: str, q: Quantity, kind: str, group: list[Mention], others: list[Quantity]
) -> Mention | None:
    """With 分别 / respectively after the subjects, the n-th figure of this kind after
    them belongs to the n-th subject; otherwise the figure is the group's, no one's."""
    if not _RESPECTIVELY.search(text, group[-1].end):
        return None
    figures = [o for o in others if o.start >= group[-1].end and quantity_kind(o.unit) == kind]
    if len(figures) != len(group) or q not in figures:
        return None
    return group[figures.index(q)]


def _per_year_as_amount(q: Quantity) -> Quantity:
    """ "1,500 tons per year" is the same annual amount as 年产1500吨: a tonnage or a sum
    of money per year is framed as the amount, so both languages compare."""
    amount, _, per = q.unit.rpartition("/")
    if per == "year" and quantity_kind(amount) in {"mass", "money"}:
        return replace(q, unit=amount)
    return q


def _latest_year(periods: list[PeriodMention]) -> int | None:
    """The latest year the periods name (not a deadline's)."""
    if not periods:
        return None
    years = [
        int(p.period[:4]) for p in periods if p.period and p.period[:4].isdigit() and not p.deadline
    ]
    return max(years) if years else None


def _clause_at(clauses: list[_Clause], start: int) -> int | None:
    """The index of the clause that holds ``start`` (None when it is in a boundary).
    The clauses are in order and apart: only the last that starts by ``start`` can."""
    index = bisect_right(clauses, (start, math.inf)) - 1
    return index if index >= 0 and start < clauses[index].end else None


def _clause_of(clauses: list[_Clause], start: int) -> tuple[int | None, _Clause]:
    """The index of the clause that holds ``start`` (see :func:`_clause_at`), and the
    clause a figure there belongs to: that one, else (in a boundary) the last."""
    position = _clause_at(clauses, start)
    return position, clauses[-1 if position is None else position]


def _clauses(text: str) -> list[_Clause]:
    clauses = []
    pos = 0
    for match in _boundaries(text):
        clauses.append(_Clause(pos, match.start()))
        pos = match.end()
    clauses.append(_Clause(pos, len(text) + 1))
    return [c for c in clauses if c.end > c.start] or [_Clause(0, len(text) + 1)]


def _boundaries(text: str) -> Iterator[re.Match[str]]:
    """What ``_CLAUSE.finditer(text)`` yields, found several times faster.

    The pattern has branches that start with a look-behind or a space, so the regex
    engine tries it at every position of the text. But every match starts at a
    _CLAUSE_CUE (or the space before a dash), so it is tried there only."""
    starts = (cue.start() - (text[cue.start()] in "-–") for cue in _CLAUSE_CUE.finditer(text))
    return matches_at(_CLAUSE, text, starts)


def _distance(q: Quantity, m: Mention, lead: int | None = None) -> float:
    """Characters between a quantity and a mention; words after the number count a
    little more, so that on a tie the term before it wins. ``lead``: where the figure
    starts with its hedge (see :func:`_lead`), from which a term before it is measured."""
    if m.end <= q.start:
        return max(0, (q.start if lead is None else lead) - m.end)
    return (m.start - q.end) * 1.2 + 0.5 if m.start >= q.end else 0


def _preposition_before(text: str, m: Mention) -> str:
    """The English preposition right before ``m`` ("from the United States"), lower-cased,
    or ""."""
    match = _EN_PREPOSITION.search(text, max(0, m.start - 16), m.start)
    return match.group(1).lower() if match else ""


def _main_subject(text: str, subjects: list[Mention]) -> Mention:
    """The subject a sentence is about: its first that no English preposition governs
    and that does not just own the name after it ("Outside China, Australia's Lynas …":
    Lynas), else its first."""
    for m, after in zip(subjects, [*subjects[1:], None], strict=True):
        if _preposition_before(text, m):
            continue
        if m.possessive and after is not None and not text[m.end : after.start].strip():
            continue
        return m
    return subjects[0]


def _share_verb(context: _Context, q: Quantity) -> str:
    """The Chinese character right before ``q`` and its hedge (占 in 约占7%), or "" when
    there is none or it ends a name (全球90%)."""
    head = context.text[: _lead(context.text, q)].rstrip()
    last = head[-1:]
    if not ("\u4e00" <= last <= "\u9fff") or any(
        m.start < len(head) <= m.end for m in context.mentions
    ):
        return ""
    return last


def _lead(text: str, q: Quantity) -> int:
    """Where ``q`` starts, with the hedge written just before it: in 从2023年的将近5.4万吨
    增至2024年的约5.6万吨 and "revenue of close to $48 million" the hedge is part of
    the figure, not distance between it and the year or term before."""
    if q.hedge:
        head = text[: q.start].rstrip()
        if head.endswith(q.hedge):
            return len(head) - len(q.hedge)
    return q.start


# What may stand between a term and the figure it introduces: a copula or preposition,
# then a hedge ("net income of US$4.5 million", "revenue was close to $48 million", 净利润
# 为约1.8亿元).
_INTRODUCES = re.compile(
    r"\s*(?:(?i:of|was|were|is|are|at|reached|hit|totall?ed|stood\s+at|came\s+to"
    r"|amounted\s+to|rose\s+to|fell\s+to|grew\s+to)\b|为|达到?|是)?"
    r"\s*(?:(?i:about|around|roughly|nearly|almost|close\s+to|more\s+than|over|some"
    r"|approximately|just\s+over|just\s+under|under|less\s+than|at\s+least|up\s+to)\b"
    r"|约为?|将近|近|超过|逾|接近|大约|不到|不足)?\s*"
)


# What may stand between a change's metric and its change word: year on year (同比).
_METRIC_TO_CHANGE = rf"[\s,，]*(?:(?:{AGAINST_YEAR_BEFORE})[\s,，]*)?(?:(?i:was|were|is|are)\s+)?"


def _introduces_another(text: str, m: Mention, q: Quantity, quantities: list[Quantity]) -> bool:
    """Whether the term ``m``, after ``q``, introduces the next figure instead: in
    "revenue of $48 million and net income of $4.5 million", net income is the second
    figure's, however close it stands to the first."""
    if m.start < q.end:
        return False
    following = next((o for o in quantities if o.start >= m.end), None)
    return (
        following is not None
        and following is not q
        and _INTRODUCES.fullmatch(text, m.end, following.start) is not None
    )


def _outside(mentions: list[Mention], quantities: list[Quantity]) -> list[Mention]:
    """The mentions that are not inside a figure: the "Australian" of "1.1 billion
    Australian dollars" and the "US" of "US$4.5 million" name a currency, not a
    subject. (The list itself when no figure holds a mention.)"""
    if not quantities:
        return mentions
    kept = [m for m in mentions if not any(q.start <= m.start < q.end for q in quantities)]
    return kept if len(kept) < len(mentions) else mentions


# A period that owns the figure after it: 2024年的(人民币/约)2.07亿元.
_PERIOD_OWNS = re.compile(r"\s*的[^\d，,。；;、]{0,6}")


def _pick_period(
    text: str,
    q: Quantity,
    periods: Sequence[PeriodMention],
    clause: _Clause,
    lead: int,
    base_before: re.Pattern[str],
) -> PeriodMention | None:
    """The period that owns ``q`` (2024年的…), else the one nearest it in its clause
    (measured from ``lead``, where it starts with its hedge), else the last one before
    the clause that is not the base of a comparison (``base_before``: 较上年, "from a
    year earlier" are what a change is measured against)."""
    in_clause = [p for p in periods if clause.start <= p.start < clause.end]
    before = [p for p in in_clause if p.end <= lead]
    if before and _PERIOD_OWNS.fullmatch(text, before[-1].end, lead):
        return before[-1]
    if in_clause:
        return min(
            in_clause,
            key=lambda p: abs(lead - p.end) if p.end <= q.start else abs(p.start - q.end),
        )
    earlier = [
        p
        for p in periods
        if p.end <= clause.start and not base_before.search(text, max(0, p.start - 20), p.start)
    ]
    return earlier[-1] if earlier else None


def _origin(article: Article) -> dict[str, str | None]:
    """What every claim of ``article`` says of its source, computed once."""
    return {
        "path": article.path,
        "article_title": article.title,
        "article_date": article.date.isoformat() if article.date else None,
        "outlet": article.outlet,
        "source_id": article.source_id,
    }


def _make_claim(
    origin: dict[str, str | None], sentence: Sentence, q: Quantity, frame: Frame
) -> Claim | None:
    precision = q.precision
    if quantity_kind(q.unit) == "count" and precision == 0.5:
        precision = 0.0  # 12种, eleven elements: a count of things is exact, not rounded
    try:
        value, lower, upper, precision, unit = canonical_figure(
            q.value, q.unit, q.lower, q.upper, precision
        )
    except (UnitError, ArithmeticError, ValueError):
        return None
    column = sentence.column + q.start + 1
    return Claim(
        id=f"{origin['path']}:{sentence.line}:{column}",
        line=sentence.line,
        quote=sentence.text,
        text=q.text,
        frame=frame,
        value=value,
        unit=unit,
        lower=lower,
        upper=upper,
        precision=precision,
        hedge=q.hedge,
        written_value=q.value,
        written_unit=q.unit,
        column=column,
        quote_start=q.start,
        **origin,  # type: ignore[arg-type]
    )
