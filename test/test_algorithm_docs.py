"""docs/algorithms.md from the algorithms themselves (scripts/make_algorithm_docs.py), on the real provider:
every algorithm and model, every parameter and output in its own section, the Chinese file in Chinese, and
nothing in it that changes from one machine or day to the next."""

import importlib.util
import re

import pytest

from test.paths import ROOT


@pytest.fixture(scope="module")
def docs():
    spec = importlib.util.spec_from_file_location("make_algorithm_docs", ROOT / "scripts" / "make_algorithm_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sections(markdown: str) -> dict:
    """{algorithm id: its section's text}, cut at the anchors the generator writes before each heading."""
    parts = re.split(r'<a id="(habitat-[a-z0-9_]+)"></a>', markdown)
    return {parts[index].replace("-", ":", 1): parts[index + 1] for index in range(1, len(parts), 2)}


def rendered(docs, provider, locale, language):
    locale(language)
    provider.refreshAlgorithms()  # names, labels and help are translated when the algorithms are built
    return docs.render(provider, language)


def test_every_algorithm_parameter_and_output_is_documented(docs, habitat_provider, locale):
    markdown = rendered(docs, habitat_provider, locale, "en")
    by_id = sections(markdown)
    algorithms = habitat_provider.algorithms()
    assert len(algorithms) >= 20
    assert sorted(by_id) == sorted(algorithm.id() for algorithm in algorithms)
    for algorithm in algorithms:
        section = by_id[algorithm.id()]
        assert f"`{algorithm.id()}`" in section
        assert f"### {algorithm.displayName()}" in section
        for parameter in docs.visible_parameters(algorithm):
            assert f"| `{parameter.name()}` | {docs.cell(parameter.description())} |" in section, (
                algorithm.id(),
                parameter.name(),
            )
        for output in algorithm.outputDefinitions():
            assert f"| `{output.name()}` |" in section.split("**Outputs**")[1], (algorithm.id(), output.name())
    # The models are listed in their own section, after every algorithm, with their steps.
    models = markdown.split("\n## Models\n")[1]
    assert (
        "habitat:citywidepublicspaceassessment" in models
        and "habitat:publicspaceinventory" not in models.split("**Steps**")[0]
    )
    assert (
        "1. Public space inventory (`habitat:publicspaceinventory`)" in by_id["habitat:citywidepublicspaceassessment"]
    )

    # Readable values: an enum's default is its option label, a year default does not age, no machine paths.
    rule = next(
        line for line in by_id["habitat:publicspacesfromosm"].splitlines() if line.startswith("| `REVIEW_RULE`")
    )
    assert "| Count them, except cemeteries and school grounds |" in rule
    year = next(line for line in by_id["habitat:publicspacescorecard"].splitlines() if line.startswith("| `YEAR`"))
    assert "| the current year |" in year
    assert str(ROOT) not in markdown and "/tmp/" not in markdown
    assert "| motorway | 30 |" in by_id["habitat:sdg1171landshare"]  # the class-width table, default shown in full
    assert docs.render(habitat_provider, "en") == markdown


def test_chinese_file_is_translated(docs, habitat_provider, locale):
    from habitat_planning_plugin.processing.public_space.public_space_inventory import PublicSpaceInventoryAlgorithm

    markdown = rendered(docs, habitat_provider, locale, "zh_CN")
    inventory = sections(markdown)["habitat:publicspaceinventory"]
    assert PublicSpaceInventoryAlgorithm.SHORT_HELP not in markdown
    assert "根据任意来源的面数据建立全市开放公共空间盘点。" in inventory
    assert "| `TYPE_FIELD` | 类型字段 | 公共空间（面）的字段 |" in inventory
    assert "**参数**" in inventory and "**Parameters**" not in markdown
    assert "# 人居规划算法" in markdown
    # Same order and anchors as the English file: a trainer can put the two side by side.
    english = rendered(docs, habitat_provider, locale, "en")
    assert list(sections(markdown)) == list(sections(english))


def test_cells_stay_on_one_row(docs):
    assert docs.cell("a | b\n\n  c <b>x</b> < 400 m") == "a \\| b c &lt;b>x&lt;/b> < 400 m"
    assert docs.table(["Name", "Help"], [("`A`", "x|y")]) == ["| Name | Help |", "|---|---|", "| `A` | x\\|y |"]
