"""The SDF chain on a baseline and a scenario (core/sdf/chain.py), worked by hand on four settlements: a new road
reaches the village that had none, a clinic opens in the small town."""

import math

import numpy as np
import pytest

from habitat_planning_plugin.core.sdf.accessibility import minutes_per_metre
from habitat_planning_plugin.core.sdf.chain import ChainSettings, run_scenario
from habitat_planning_plugin.core.sdf.scenario import scenario_networks

FUNCTIONS = ["school", "clinic", "market"]
# A (capital), B (town), C (small town) on one road; D 10 km off it, beyond the 5 km a settlement walks to a road.
XY = np.array([[0.0, 0], [20_000, 0], [40_000, 0], [20_000, 10_000]])
PEOPLE = np.array([10_000.0, 3_000, 2_000, 1_000])
PRESENCE = np.array([[1, 1, 1], [1, 0, 1], [1, 0, 0], [0, 0, 0]])
ROADS = [np.array([[0.0, 0], [20_000, 0]]), np.array([[20_000.0, 0], [40_000, 0]])]  # 60 and 30 km/h
NEW_ROAD = [np.array([[20_000.0, 10_000], [20_000, 30]])]  # D to B at 60 km/h; its south end joins B's vertex


def comparison(presence_scenario=None):
    networks = scenario_networks(
        ROADS, minutes_per_metre([60.0, 30.0]), NEW_ROAD, minutes_per_metre([60.0]), XY, max_off_road=5_000
    )
    assert networks.loose_ends == [0]  # D's end joins no baseline vertex (D itself is the road's end)
    scenario = PRESENCE.copy() if presence_scenario is None else presence_scenario
    settings = ChainSettings(float(minutes_per_metre(5.0)), classes=2, centre_max_level=1, bands=(30, 60))
    return run_scenario(networks, XY, PRESENCE, scenario, FUNCTIONS, settings, population=PEOPLE)


def test_travel_times_and_population_within_reach_by_hand():
    with_clinic = PRESENCE.copy()
    with_clinic[2, 1] = 1
    result = comparison(with_clinic)
    base, scen = result.baseline, result.scenario
    # Centrality: school in 3 places (33.3 each), clinic in 1 (100), market in 2 (50): A 183.3, B 83.3, C 33.3,
    # D 0; two natural-breaks classes {A} and {B, C, D}: A is the only centre.
    assert base.centrality == pytest.approx([550 / 3, 250 / 3, 100 / 3, 0])
    assert base.levels.tolist() == [1, 2, 2, 2] and base.centre_rows.tolist() == [0]
    # With the clinic in C too (2 places, 50 each): A 133.3, C 83.3 — still level 2 by the baseline's bound 83.3.
    assert scen.centrality == pytest.approx([400 / 3, 250 / 3, 250 / 3, 0])
    assert scen.levels.tolist() == [1, 2, 2, 2]
    # Minutes to A: B 20 (20 km at 60), C 20 + 40 (20 km at 30), D none; with the road, D 10 + 20 = 30.
    assert base.times[1][:3] == pytest.approx([0, 20, 60]) and math.isinf(base.times[1][3])
    assert scen.times[1] == pytest.approx([0, 20, 60, 30])
    assert base.connected.tolist() == [True, True, True, False] and scen.connected.all()
    rows = {label: (b, s) for _, label, b, s, _ in result.rows}
    keys = {key: (b, s) for key, _, b, s, _ in result.rows}
    assert keys["within_30min_level1_pct"] == rows["Share of the population within 30 min of a level 1 centre (%)"]
    assert keys["mean_minutes_clinic"] == rows["Mean travel time to the nearest clinic (min)"]
    # Within 30 min: A, B = 13,000 of 16,000, then D too: 14,000. Within 60: A, B, C = 15,000, then all.
    assert rows["Share of the population within 30 min of a level 1 centre (%)"] == pytest.approx((81.25, 87.5))
    assert rows["Share of the population within 60 min of a level 1 centre (%)"] == pytest.approx((93.75, 100.0))
    # Mean over the people with a time in both runs (A, B, C): (20·3,000 + 60·2,000) / 15,000 = 12 in both — D's
    # arrival is counted by the road network row, not as a longer mean.
    assert rows["Mean travel time to a level 1 centre (min)"] == pytest.approx((12.0, 12.0))
    assert rows["Settlements joined to the road network"] == (3.0, 4.0)
    # Nearest clinic: A 0, B 20, C 60, D none; then C has one (0) and D reaches A in 30 (C in 10 + 40 = 50).
    assert base.provider_minutes[:3, 1] == pytest.approx([0, 20, 60]) and math.isinf(base.provider_minutes[3, 1])
    assert scen.provider_minutes[:, 1] == pytest.approx([0, 20, 0, 30])
    # Level 2 (B, C, D) expects what at least half of it has: school (2 of 3), not market (1 of 3); D lacks it.
    assert result.expected == {1: FUNCTIONS, 2: ["school"]}
    assert base.lacking == [[], [], [], ["school"]] == scen.lacking


def test_hansen_and_priorities_by_hand():
    result = comparison()
    base, scen = result.baseline, result.scenario
    beta = math.log(2) / 30  # half weight at 30 minutes; A's own 10,000 people count at full weight
    # 10,000 people at A weigh 2^(−t/30): B at 20 min 6,299.6, C at 60 min 2,500, D (30 min with the road) 5,000.
    assert base.hansen == pytest.approx([10_000, 10_000 * 2 ** (-2 / 3), 2_500, 0])
    assert scen.hansen == pytest.approx([10_000, 10_000 * 2 ** (-2 / 3), 2_500, 10_000 * math.exp(-30 * beta)])
    # The index scales both runs together on logs between 2,500 (0) and 10,000 (100), two halvings: B is 4/3 halvings
    # above 2,500 (66.7), D one (50); no access at all is 0.
    assert base.access_index == pytest.approx([100, 200 / 3, 0, 0])
    assert scen.access_index == pytest.approx([100, 200 / 3, 0, 50])
    # Priorities, need (far from centre, unserved) and potential (centrality, accessibility), half each:
    # far: times 0, 20, 60, none | 0, 20, 60, 30 scaled over both runs (0..60), no time = 1;
    # unserved (beyond 60 min or none): D in the baseline only.
    far_b, far_s = np.array([0, 20 / 60, 1, 1]), np.array([0, 20 / 60, 1, 0.5])
    unserved_b, unserved_s = np.array([0, 0, 0, 1]), np.zeros(4)
    cen = np.array([550, 250, 100, 0]) / 550
    acc_b, acc_s = np.array([1, 2 / 3, 0, 0]), np.array([1, 2 / 3, 0, 0.5])
    expected_b = 100 * (0.25 * far_b + 0.25 * unserved_b + 0.25 * cen + 0.25 * acc_b)
    expected_s = 100 * (0.25 * far_s + 0.25 * unserved_s + 0.25 * cen + 0.25 * acc_s)
    assert base.priority == pytest.approx(expected_b) and scen.priority == pytest.approx(expected_s)
    # D (need 50: no road, unserved) ties with the capital A (potential 50) until the road halves its need.
    assert base.priority[3] == pytest.approx(50) and scen.priority[3] == pytest.approx(25)
    assert base.rank[3] == 2 and scen.rank[3] == 4  # after B (36.4) and C (29.5)


def test_balance_of_travel_time_by_hand():
    result = comparison()
    before, after = result.balance["travel time to the nearest centre"]
    # Baseline, people with a time: 0 (10,000), 20 (3,000), 60 (2,000); mean 12; groups = baseline levels.
    x, w = np.array([0, 20, 60.0]), np.array([10_000, 3_000, 2_000.0])
    s, mean = w / w.sum(), 12.0
    theil = sum(si * (xi / mean) * math.log(xi / mean) for si, xi in zip(s, x) if xi > 0)
    assert before.theil == pytest.approx(theil) and before.n == 3 and before.left_out == 1
    # Level 1 = A alone (mean 0: nothing to share out); level 2 = B, C: between = Σ S_g (μ_g/μ) ln(μ_g/μ).
    share2, mean2 = 5_000 / 15_000, (20 * 3_000 + 60 * 2_000) / 5_000
    assert before.between == pytest.approx(share2 * (mean2 / mean) * math.log(mean2 / mean))
    assert after.n == 3 and after.theil == pytest.approx(before.theil)  # the same settlements, the same times
