"""Investment priority: need and potential combined with user weights, every component kept so that the ranking
can be explained (methods.md §3.4: prioritisation from need and potential, with every intermediate exposed).

Each component is a value in 0..1 (1 = more need, or more potential). Within need and within potential the
components are weighted (weights rescaled to 1); need and potential are then weighted against each other.
score = 100 * sum_c share_c * value_c, and the contribution of component c is 100 * share_c * value_c, so the
contributions of a settlement add up to its score. A missing value counts as 0 and is reported.
"""

import numpy as np

from ..text import HabitatError, tr, tr_noop

GROUP_NAMES = {"need": tr_noop("need"), "potential": tr_noop("potential")}


def minmax(values, reverse=False):
    """0..1 by min-max (reversed: the lowest value gets 1); NaN stays NaN; a constant column gives 0."""
    values = np.asarray(values, dtype=float)
    values = np.where(np.isfinite(values), values, np.nan)
    if np.isnan(values).all():
        return np.full(values.shape, np.nan)
    low, high = np.nanmin(values), np.nanmax(values)
    scaled = np.zeros_like(values) if high == low else (values - low) / (high - low)
    scaled = np.where(np.isfinite(values), scaled, np.nan)
    return 1.0 - scaled if reverse else scaled


def priority_scores(components, groups, weights, need_weight=0.5):
    """``components``: {name: (n,) values 0..1}; ``groups``: {name: "need" | "potential"}; ``weights``: {name: w}.

    Returns (score (n,), contributions {name: (n,)}, missing {name: count}).
    """
    if not components:
        raise HabitatError(tr("Choose at least one need or potential component."))
    if not 0.0 <= need_weight <= 1.0:
        raise HabitatError(tr("The weight of need must lie between 0 and 1."))
    shares = {}
    for group, group_weight in (("need", need_weight), ("potential", 1.0 - need_weight)):
        names = [name for name in components if groups[name] == group]
        total = sum(weights[name] for name in names)
        if names and total <= 0:
            raise HabitatError(tr("The {0} components need a weight above 0.", tr(GROUP_NAMES[group])))
        present = [name for name in ("need", "potential") if any(groups[n] == name for n in components)]
        scale = 1.0 if len(present) == 1 else group_weight  # a single group takes all the weight
        for name in names:
            shares[name] = scale * weights[name] / total
    contributions, missing = {}, {}
    for name, values in components.items():
        values = np.asarray(values, dtype=float)
        missing[name] = int((~np.isfinite(values)).sum())
        contributions[name] = 100.0 * shares[name] * np.nan_to_num(values, nan=0.0)
    score = np.sum(list(contributions.values()), axis=0)
    return score, contributions, missing
