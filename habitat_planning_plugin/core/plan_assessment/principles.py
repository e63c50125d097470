"""The twelve principles of the IG-UTP and which of them a plan reflects (methods.md §2.2).

UN-Habitat (2015), *International Guidelines on Urban and Territorial Planning* (IG-UTP), set twelve principles in
four parts. The issue (16) names the groups "urban policy and governance, social development, economic growth,
environment": the last three are the three sub-parts of part B (planning for sustainable development). The short
names below are paraphrased from memory, not quoted, and were not checked against the IG-UTP text here ("not
checked here"): an expert must check them, and the principle tags of the framework, before they are used as
UN-Habitat's.

A framework of version 2 tags every criterion with the principles it evidences (scorecards.Criterion.principles).
A plan **reflects** a principle when, on at least ``share`` (0.5) of the principle's applicable criteria, the
assessors' mean score reaches ``score`` (2.0, "Medium: goals and policies"), and at least one criterion does
(scorecards.PrincipleThreshold, the framework's "principle_threshold"). Criteria marked not applicable (NaN) are
left out; a criterion nobody scored counts as 0 (it stays in the potential, as in aggregation.py); a principle
whose criteria are all not applicable, or that no criterion evidences, is not applicable (``reflected`` None).
The results framework's indicator: the plan reflects at least 6 of the 12 principles (``reflects_enough``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Dict, Iterable, List, Mapping, Optional, Tuple

from .scorecards import Framework

PRINCIPLES_NEEDED = 6  # the results framework counts plans that reflect at least 6 of the 12 principles
_EPSILON = 1e-9  # a mean of 2.0 computed as 1.9999999999 still reaches 2.0


@dataclass(frozen=True)
class Principle:
    number: int  # 1..12
    group: str  # "A".."D" (PRINCIPLE_GROUPS)
    part: str  # the sub-part of group B ("social", "economic", "environment"; PRINCIPLE_PARTS), else ""
    name: Dict[str, str]  # {language: short name}


# The four parts of the IG-UTP. Names paraphrased; not checked here against the IG-UTP text.
PRINCIPLE_GROUPS: Dict[str, Dict[str, str]] = {
    "A": {"en": "Urban policy and governance", "zh": "城市政策与治理"},
    "B": {"en": "Planning for sustainable development", "zh": "规划促进可持续发展"},
    "C": {"en": "Planning components", "zh": "规划的组成部分"},
    "D": {"en": "Implementation and monitoring", "zh": "实施与监测"},
}
# The three sub-parts of group B, as the issue names them.
PRINCIPLE_PARTS: Dict[str, Dict[str, str]] = {
    "social": {"en": "Social development", "zh": "社会发展"},
    "economic": {"en": "Economic growth", "zh": "经济增长"},
    "environment": {"en": "Environment", "zh": "环境"},
}

PRINCIPLES: Tuple[Principle, ...] = (
    Principle(
        1,
        "A",
        "",
        {
            "en": "Integrated, participatory planning linked to a shared vision and to urban policies",
            "zh": "与共同愿景和各级城市政策相衔接的综合、参与式规划",
        },
    ),
    Principle(
        2,
        "A",
        "",
        {
            "en": "Planning at the core of urban governance: democracy, participation, inclusion, transparency, "
            "accountability",
            "zh": "规划是城市治理的核心：地方民主、参与、包容、透明、问责",
        },
    ),
    Principle(
        3,
        "B",
        "social",
        {
            "en": "Adequate living and working conditions for all, fair sharing of costs and benefits, social "
            "inclusion",
            "zh": "人人享有适足的生活和工作条件，公平分担成本、分享收益，社会包容与凝聚",
        },
    ),
    Principle(
        4,
        "B",
        "social",
        {
            "en": "An investment in the future: quality of life, cultural heritage and diversity, the needs of "
            "different groups",
            "zh": "面向未来的投资：生活质量、文化遗产与多样性、不同群体的需求",
        },
    ),
    Principle(
        5,
        "B",
        "economic",
        {
            "en": "A catalyst for inclusive growth: economic opportunities, land and housing markets, timely "
            "infrastructure and services",
            "zh": "包容性增长的催化剂：经济机会、土地和住房市场、及时提供的基础设施和基本服务",
        },
    ),
    Principle(
        6,
        "B",
        "economic",
        {
            "en": "Growth, social development and environment together; connectivity at every territorial level",
            "zh": "经济增长、社会发展与环境可持续相辅相成；各空间层级互联互通",
        },
    ),
    Principle(
        7,
        "B",
        "environment",
        {
            "en": "A spatial framework protecting the natural and built environment, biodiversity, land and resources",
            "zh": "保护和管理自然与建成环境、生物多样性、土地和自然资源的空间框架",
        },
    ),
    Principle(
        8,
        "B",
        "environment",
        {
            "en": "Human security and resilience: climate mitigation and adaptation, hazards and risks",
            "zh": "人类安全与韧性：减缓和适应气候变化，应对灾害与风险",
        },
    ),
    Principle(
        9,
        "C",
        "",
        {
            "en": "Spatial, institutional and financial dimensions over time and scales; continuous planning "
            "with enforceable rules; compact cities",
            "zh": "跨时间和尺度的空间、制度与财政维度；以可执行法规为依据的持续规划；紧凑城市",
        },
    ),
    Principle(
        10,
        "C",
        "",
        {
            "en": "Scenarios that inform political decisions and are translated into action",
            "zh": "以情景支持政治决策并将其转化为行动",
        },
    ),
    Principle(
        11,
        "D",
        "",
        {
            "en": "Implementation: political leadership, legal and institutional frameworks, urban management, "
            "coordination",
            "zh": "实施：政治领导、法律和制度框架、高效的城市管理与协调",
        },
    ),
    Principle(
        12,
        "D",
        "",
        {
            "en": "Monitoring and adjustment: periodic review, capacities, sustainable finance and technologies",
            "zh": "监测与调整：持续监测、定期调整、能力建设、可持续的资金机制和技术",
        },
    ),
)


@dataclass(frozen=True)
class PrincipleResult:
    """Whether one plan reflects one principle, and why."""

    number: int
    name: Dict[str, str]  # {language: short name}
    criteria: Tuple[str, ...]  # the framework's criteria tagged with the principle, in framework order
    scored: int  # how many of them apply (not NA): the denominator of the share
    mean: float  # the mean of their mean scores (unweighted), NaN when none applies
    reflected: Optional[bool]  # None: not applicable (every criterion NA, or none tagged)
    evidence: Tuple[str, ...]  # the applicable criteria whose mean reaches the threshold score
    needed: int  # how many criteria must reach the score for the principle to be reflected (0 when not applicable)


def principle_criteria(framework: Framework) -> Dict[int, List[str]]:
    """{principle number: the ids of the criteria tagged with it, in framework order} for all twelve."""
    found: Dict[int, List[str]] = {principle.number: [] for principle in PRINCIPLES}
    for criterion in framework.criteria:
        for number in criterion.principles:
            found.setdefault(number, []).append(criterion.id)
    return found


def untagged_principles(framework: Framework) -> List[int]:
    """The principles no criterion of the framework evidences."""
    return [number for number, ids in principle_criteria(framework).items() if not ids]


def principles_reflected(framework: Framework, means: Mapping[str, float]) -> List[PrincipleResult]:
    """Per IG-UTP principle, whether one plan reflects it. ``means``: criterion id -> the assessors' mean score
    (0..3), NaN for not applicable; a criterion absent from ``means`` counts as 0 (nobody scored it)."""
    threshold = framework.principle_threshold
    tagged = principle_criteria(framework)
    results: List[PrincipleResult] = []
    for principle in PRINCIPLES:
        ids = tuple(tagged.get(principle.number, ()))
        applicable = [(criterion, float(means.get(criterion, 0.0))) for criterion in ids]
        applicable = [(criterion, mean) for criterion, mean in applicable if not math.isnan(mean)]
        if not applicable:
            results.append(PrincipleResult(principle.number, principle.name, ids, 0, math.nan, None, (), 0))
            continue
        evidence = tuple(criterion for criterion, mean in applicable if mean >= threshold.score - _EPSILON)
        needed = max(1, math.ceil(threshold.share * len(applicable) - _EPSILON))
        results.append(
            PrincipleResult(
                principle.number,
                principle.name,
                ids,
                len(applicable),
                sum(mean for _, mean in applicable) / len(applicable),
                len(evidence) >= needed,
                evidence,
                needed,
            )
        )
    return results


def reflected_count(results: Iterable[PrincipleResult]) -> int:
    """How many principles the plan reflects (not applicable ones are not reflected)."""
    return sum(1 for result in results if result.reflected is True)


def reflects_enough(results: Iterable[PrincipleResult], needed: int = PRINCIPLES_NEEDED) -> bool:
    """The results framework's indicator: the plan reflects at least ``needed`` (6) of the 12 principles."""
    return reflected_count(results) >= needed
