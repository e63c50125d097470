"""The guided dialogs, the menu and the models are tied to the algorithms by names: every name a ToolSpec, the
menu or a model uses must exist, so that renaming a parameter or an output fails here, not in a trainer's hands."""

import pytest
from qgis.core import QgsApplication

from habitat_planning_plugin.compat import ProcessingModelChildParameterSource
from habitat_planning_plugin.gui.menu import GUIDED_TOOLS
from habitat_planning_plugin.gui.tool_specs import TOOLS


def algorithm(spec):
    found = QgsApplication.processingRegistry().algorithmById(spec.algorithm_id)
    assert found is not None, f"{spec.key}: no algorithm {spec.algorithm_id}"
    return found


@pytest.mark.parametrize("key", sorted(TOOLS))
def test_every_name_a_tool_spec_uses_exists(key, habitat_provider):
    spec = TOOLS[key]
    assert spec.key == key
    target = algorithm(spec)
    inputs = {definition.name() for definition in target.parameterDefinitions() if not definition.isDestination()}
    destinations = {definition.name() for definition in target.destinationParameterDefinitions()}
    asked = [name for step in spec.steps for name in step.parameters]
    assert len(asked) == len(set(asked)), f"{key}: an input is asked twice"
    assert set(asked) <= inputs, f"{key}: steps ask for {sorted(set(asked) - inputs)}"
    assert set(spec.explanations) <= set(asked), (
        f"{key}: explanations for {sorted(set(spec.explanations) - set(asked))}"
    )
    assert set(asked) <= set(spec.explanations), (
        f"{key}: no one-line help for {sorted(set(asked) - set(spec.explanations))}"
    )
    assert set(spec.outputs) <= destinations, f"{key}: outputs {sorted(set(spec.outputs) - destinations)}"
    assert set(spec.reports) <= set(spec.outputs) and set(spec.shown) <= set(spec.outputs)
    assert all(spec.outputs[name].endswith(".html") for name in spec.reports)
    for hints in (spec.layer_hints, spec.field_hints, spec.workshop_files):
        assert set(hints) <= set(asked), f"{key}: hints for {sorted(set(hints) - set(asked))}"
    # Every required input of the algorithm is asked (or the run could not start from the dialog).
    required = {
        definition.name()
        for definition in target.parameterDefinitions()
        if not definition.isDestination()
        and not definition.flags() & definition.FlagOptional
        and definition.defaultValue() is None
    }
    assert required <= set(asked), f"{key}: required inputs not asked: {sorted(required - set(asked))}"
    # Field inputs come after the layer they belong to.
    for name in asked:
        definition = target.parameterDefinition(name)
        if definition.type() == "field":
            parent = definition.parentLayerParameterName()
            assert parent in asked and asked.index(parent) < asked.index(name), (key, name, parent)


def test_the_menu_offers_every_guided_dialog_once(habitat_provider):
    offered = [key for entries in GUIDED_TOOLS.values() for key, _ in entries]
    assert sorted(offered) == sorted(TOOLS) and len(offered) == len(set(offered))


def test_model_steps_use_parameters_and_outputs_that_exist(habitat_provider):
    """Each step of each model hands its algorithm parameters it has, from model inputs or step outputs that
    exist."""
    from habitat_planning_plugin.processing.algorithms import MODEL_CLASSES

    registry = QgsApplication.processingRegistry()
    for model_class in MODEL_CLASSES:
        model = registry.algorithmById(f"habitat:{model_class.MODEL_ID}")
        assert model is not None, model_class.MODEL_ID
        model_inputs = {definition.name() for definition in model.parameterDefinitions()}
        children = model.childAlgorithms()
        for child_id, child in children.items():
            step = registry.algorithmById(child.algorithmId())
            assert step is not None, (model_class.MODEL_ID, child.algorithmId())
            names = {definition.name() for definition in step.parameterDefinitions()}
            assert set(child.parameterSources()) <= names, (
                model_class.MODEL_ID,
                child_id,
                sorted(set(child.parameterSources()) - names),
            )
            for sources in child.parameterSources().values():
                for source in sources:
                    if source.source() == ProcessingModelChildParameterSource.ModelParameter:
                        assert source.parameterName() in model_inputs, (child_id, source.parameterName())
                    elif source.source() == ProcessingModelChildParameterSource.ChildOutput:
                        other = registry.algorithmById(children[source.outputChildId()].algorithmId())
                        outputs = {definition.name() for definition in other.outputDefinitions()}
                        assert source.outputName() in outputs, (child_id, source.outputName())
            outputs = {definition.name() for definition in step.outputDefinitions()}
            for output in child.modelOutputs().values():
                assert output.childOutputName() in outputs, (child_id, output.childOutputName())
