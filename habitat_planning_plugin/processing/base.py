"""HabitatAlgorithm: the boilerplate every algorithm of the ``habitat`` provider shares.

A subclass declares ALGORITHM_ID, DISPLAY_NAME, GROUP_ID, SHORT_HELP (texts marked with ``tr_noop``),
adds its parameters with ``add_parameter(parameter, help)`` in ``initAlgorithm`` and implements ``process``.
Errors from the core (HabitatError) reach the user as translated Processing errors; a cancel stops the run
cleanly; files this run created are removed again when it fails, and existing files are never touched.
"""

import importlib.util
import traceback

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
)
from qgis.PyQt.QtGui import QIcon

from ..catalogue import GROUP_ICONS, GROUPS  # noqa: F401 - the algorithms' groups, re-exported
from ..compat import ProcessingParameterFlag, field_names
from ..core.report import html as report_html
from ..core.text import Cancelled, HabitatError, tr, tr_noop
from ..i18n import qgis_locale
from ..paths import resource_path
from ..qgis_io import choose_metric_crs, read_polygons
from ..report_pdf import html_to_pdf
from .output_guard import OutputGuard, destination_file
from .outputs import POST_PROCESSORS, SPREADSHEET_EXTENSIONS, SpreadsheetSafeSink, StyleOnLoad, close_writers, is_null
from .parameter_checks import check_parameters, explain_refusal
from .parameters import WALKING_LIMITS, value_text
from .provenance import footer

# How to install a missing package, by platform (shown in the user's language).
INSTALL_HINTS = {
    "win32": tr_noop("Open the OSGeo4W Shell and run: python -m pip install {0}"),
    "other": tr_noop(
        "Install it into the Python that QGIS uses, for example in a terminal: python3 -m pip install --user {0}"
    ),
}


def missing_packages(modules):
    """The import names among ``modules`` that are not installed."""
    return [name for name in modules if importlib.util.find_spec(name) is None]


def missing_package_message(modules) -> str:
    import sys

    hint = INSTALL_HINTS.get(sys.platform, INSTALL_HINTS["other"])
    names = " ".join(modules)
    return tr("This tool needs the Python package(s) {0}, which are not installed.", names) + " " + tr(hint, names)


def progress_callback(feedback, start: float = 0.0, end: float = 100.0):
    """A ``callback(fraction)`` for the core: reports start..end per cent and raises Cancelled on cancel."""

    def report(fraction: float) -> None:
        if feedback is None:
            return
        if feedback.isCanceled():
            raise Cancelled()
        feedback.setProgress(start + (end - start) * min(max(fraction, 0.0), 1.0))

    return report


class HabitatAlgorithm(QgsProcessingAlgorithm):
    ALGORITHM_ID = ""
    DISPLAY_NAME = ""
    GROUP_ID = ""
    SHORT_HELP = ""
    TAGS = ()
    REQUIRED_PACKAGES = ()
    KEEPS_PARTIAL_OUTPUTS = False  # True: a failed run keeps what it finished (the batch's results, for resuming)

    TARGET_CRS = "TARGET_CRS"
    OUTPUT_REPORT = "OUTPUT_REPORT"

    def __init__(self):
        super().__init__()
        self._parameter_help = {}

    # --- identity, all translated at the moment they are shown ---
    def name(self):
        return self.ALGORITHM_ID

    def displayName(self):  # noqa: N802
        return tr(self.DISPLAY_NAME)

    def group(self):
        return tr(GROUPS[self.GROUP_ID])

    def groupId(self):  # noqa: N802
        return self.GROUP_ID

    def tags(self):
        return [tr(tag) for tag in self.TAGS]

    def icon(self):
        return QIcon(resource_path("icons", GROUP_ICONS.get(self.GROUP_ID, "habitat.svg")))

    def createInstance(self):  # noqa: N802
        return type(self)()

    def shortHelpString(self):  # noqa: N802
        items = []
        for name, help_text in self._parameter_help.items():
            definition = self.parameterDefinition(name)
            items.append((definition.description() if definition is not None else name, tr(help_text)))
        return report_html.help_page(tr(self.SHORT_HELP), tr("Parameters"), items)

    # --- parameters ---
    def add_parameter(self, parameter, help_text: str, advanced: bool = False):
        """Add ``parameter`` with its help (a ``tr_noop`` text), optionally in the Advanced section."""
        if advanced:
            parameter.setFlags(parameter.flags() | ProcessingParameterFlag.Advanced)
        parameter.setHelp(tr(help_text))
        self._parameter_help[parameter.name()] = help_text
        self.addParameter(parameter)
        return parameter

    def required_source(self, parameters, name, context):
        """The feature source of parameter ``name``; a clear error when it is missing or has no features."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        if source.featureCount() == 0:
            raise HabitatError(tr('The input "{0}" has no features.', self.parameterDefinition(name).description()))
        return source

    def population_input(self, parameters, context):
        """(raster layer or None, population layer or None, count fields): exactly one population input, a grid or
        a layer with at least one count field (POPULATION_RASTER, POPULATION_LAYER, POPULATION_FIELDS)."""
        raster = self.parameterAsRasterLayer(parameters, "POPULATION_RASTER", context)
        layer = self.parameterAsSource(parameters, "POPULATION_LAYER", context)
        fields = field_names(self, parameters, "POPULATION_FIELDS", context)
        if (raster is None) == (layer is None):
            raise HabitatError(tr("Give exactly one population input: a population grid or a population layer."))
        if layer is not None and not fields:
            raise HabitatError(tr("Choose at least one population count field of the population layer."))
        return raster, layer, fields

    def named_polygons(self, source, name_field, crs, context, feedback, what: str):
        """Polygons of ``source`` in ``crs`` (repaired, reported as ``what``) and their names (feature id if none).
        A name used by several features gets the feature id after it, with a warning: results are kept by name
        (table rows, sampling estimates), and two places must never share one."""
        shapes, rows, ids, repaired, skipped = read_polygons(
            source, crs, context.transformContext(), [name_field] if name_field else []
        )
        self.report_polygons(feedback, what, repaired, skipped)
        names = [str(row[0]) if name_field and not is_null(row[0]) else str(fid) for row, fid in zip(rows, ids)]
        repeated = {name for name in names if names.count(name) > 1}
        if repeated:
            feedback.pushWarning(
                tr(
                    "{0}: the names {1} are used more than once; each is shown with its feature id.",
                    what,
                    ", ".join(sorted(repeated)),
                )
            )
            names = [tr("{0} (id {1})", name, fid) if name in repeated else name for name, fid in zip(names, ids)]
        return shapes, names

    def report_destination(self, parameters, name, context, feedback):
        """The path of an HTML report output, or None when none is asked for or matplotlib is missing (the
        indicators still run; the user is told which package the charts need)."""
        path = self.parameterAsFileOutput(parameters, name, context)
        missing = missing_packages(("matplotlib",)) if path else []
        if missing:
            feedback.reportError(missing_package_message(missing) + " " + tr("The report was not written."))
            return None
        return path or None

    @staticmethod
    def report_settings(feedback) -> report_html.ReportSettings:
        """How this run's reports are written: in the user's language, with the plugin and QGIS versions, printed
        by Qt when saved as .pdf, chart warnings to the log."""
        return report_html.ReportSettings(
            language=qgis_locale(),
            footer=footer(),
            pdf_writer=html_to_pdf,
            warn=feedback.pushWarning if feedback is not None else None,
        )

    def add_number_outputs(self, outputs) -> None:
        """Numeric results (name, translated label), shown in the log and usable in models."""
        for name, label in outputs:
            self.addOutput(QgsProcessingOutputNumber(name, label))

    @staticmethod
    def report_polygons(feedback, what: str, repaired: int, skipped: int) -> None:
        if repaired:
            feedback.pushWarning(tr("{0} invalid polygons were repaired ({1}).", repaired, what))
        if skipped:
            feedback.pushWarning(tr("{0} features without a usable polygon were skipped ({1}).", skipped, what))

    def add_report_parameter(self, help_text: str):
        """The optional HTML report output (created by default), with its help (a ``tr_noop`` text)."""
        self.add_parameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_REPORT,
                tr("Report (HTML)"),
                tr("HTML files (*.html);;PDF files (*.pdf)"),
                optional=True,
                createByDefault=True,
            ),
            help_text,
        )

    def add_target_crs_parameter(self):
        self.add_parameter(
            QgsProcessingParameterCrs(self.TARGET_CRS, tr("Analysis CRS (projected, metres)"), optional=True),
            tr_noop(
                "Projected CRS in metres used for all distances and areas. Leave empty to keep the inputs' "
                "CRS when it is projected in metres, or to use the UTM zone of the data otherwise."
            ),
            advanced=True,
        )

    def analysis_crs(self, sources, parameters, context, feedback):
        """The projected metric CRS all inputs are transformed to (see qgis_io.choose_metric_crs)."""
        user_crs = None
        if self.TARGET_CRS in parameters and parameters[self.TARGET_CRS] not in (None, ""):
            user_crs = self.parameterAsCrs(parameters, self.TARGET_CRS, context)
        return choose_metric_crs(sources, user_crs, context.transformContext(), feedback)

    # --- outputs: written by QGIS; OutputGuard (processAlgorithm) puts the user's files back if the run fails ---
    def create_sink(self, parameters, name, context, fields, geometry_type, crs):
        sink, dest_id = self.parameterAsSink(
            parameters, name, context, fields, geometry_type, crs if crs is not None else QgsCoordinateReferenceSystem()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        path = destination_file(parameters.get(name), context) or ""
        if path.lower().endswith(SPREADSHEET_EXTENSIONS):
            sink = SpreadsheetSafeSink(sink)
        return sink, dest_id

    def style_output(self, context, dest_id, qml_name, layer_name: str, category_labels=None, renderer=None):
        """Load ``dest_id`` (when QGIS loads it) with resources/styles/``qml_name``, a translated name and,
        for a categorized style, translated legend labels ({category value: label}); or with classes built from
        its data (``renderer``: a processing.styles spec)."""
        if not context.willLoadLayerOnCompletion(dest_id):
            return
        details = context.layerToLoadOnCompletionDetails(dest_id)
        details.name = layer_name
        processor = StyleOnLoad(
            resource_path("styles", qml_name) if qml_name else "", layer_name, category_labels, renderer
        )
        POST_PROCESSORS[dest_id] = processor
        details.setPostProcessor(processor)

    # --- running ---
    def canExecute(self):  # noqa: N802
        missing = missing_packages(self.REQUIRED_PACKAGES)
        if missing:
            return False, missing_package_message(missing)
        return True, ""

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """QGIS's checks, then ours (parameter_checks: fields, numbers, outputs) and the algorithm's own
        ``check_values``; the dialog, qgis_process and processing.run show the message before anything runs."""
        ok, message = super().checkParameterValues(parameters, context)
        problems = self.parameter_problems(parameters, context) if ok else explain_refusal(self, parameters, context)
        if not ok:  # QGIS's message names the parameter; ours says what is wrong with it
            return False, "\n".join([message] + problems)
        return (False, "\n".join(problems)) if problems else (True, "")

    def parameter_problems(self, parameters, context) -> list:
        try:
            return check_parameters(self, parameters, context) + list(self.check_values(parameters, context) or [])
        except HabitatError as error:
            return [str(error)]

    def distance_limits(self, parameters, context, limits) -> list:
        """Problems for distances above their plausible limit. ``limits``: names from parameters.WALKING_LIMITS or
        (name, metres, reason) with a ``tr_noop`` reason."""
        problems = []
        for limit in limits:
            name, high, reason = (limit, *WALKING_LIMITS[limit]) if isinstance(limit, str) else limit
            value = self.parameterAsDouble(parameters, name, context)
            if value > high:
                problems.append(
                    tr(
                        '"{0}" is {1} m: at most {2} m, because {3}.',
                        self.parameterDefinition(name).description(),
                        f"{value:g}",
                        f"{high:g}",
                        tr(reason),
                    )
                )
        return problems

    def check_values(self, parameters, context) -> list:
        """An algorithm's own rules before the run (cross-parameter rules, plausible ranges): translated problems."""
        return []

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..core.report.charts import warm_up

        warm_up()  # QGIS prepares on the main thread (model steps too); see warm_up
        return super().prepareAlgorithm(parameters, context, feedback)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        missing = missing_packages(self.REQUIRED_PACKAGES)
        if missing:
            raise QgsProcessingException(missing_package_message(missing))
        problems = self.parameter_problems(parameters, context)  # also inside models, which skip the dialog's check
        if problems:
            raise QgsProcessingException("\n".join(problems))
        guard = OutputGuard(
            path
            for path in (
                destination_file(parameters.get(definition.name()), context)
                for definition in self.destinationParameterDefinitions()
                if not self.KEEPS_PARTIAL_OUTPUTS
            )
            if path
        )
        guard.protect()
        try:
            with report_html.run_details(self.displayName(), self.input_summary(parameters, context)):
                results = self.process(parameters, context, feedback)
            if feedback.isCanceled():
                raise Cancelled()
        except Exception as error:  # noqa: BLE001 - every failure puts the user's files back first
            close_writers()
            guard.rollback(feedback)
            if isinstance(error, QgsProcessingException):
                raise
            # No local may hold the new exception: its traceback holds this frame (a cycle the garbage collector
            # would break later, after QGIS has deleted the objects the frame refers to, and crash).
            raise self.user_error(error, feedback) from error
        guard.commit()
        return results

    def process(self, parameters, context, feedback):
        raise NotImplementedError

    @staticmethod
    def user_error(error, feedback) -> QgsProcessingException:
        """What the user reads when a run failed (its outputs already rolled back): a cancel, a problem with the
        input or the disk in plain words, a bug with a request to report it (the details go to the log)."""
        if isinstance(error, Cancelled):
            return QgsProcessingException(tr("Cancelled: no output was written."))
        if isinstance(error, HabitatError):
            return QgsProcessingException(str(error))
        if isinstance(error, QgsProcessingException):
            return error
        if feedback is not None:
            feedback.pushDebugInfo("".join(traceback.format_exception(type(error), error, error.__traceback__)))
        if isinstance(error, OSError):  # the disk: full, read-only, a folder that cannot be made — not a bug
            return QgsProcessingException(
                tr(
                    "Could not use the file {0}: {1}. Nothing was written; earlier outputs are as they were.",
                    error.filename or "—",
                    error.strerror or str(error),
                )
            )
        return QgsProcessingException(
            tr(
                "The run stopped on an unexpected error ({0}: {1}). Nothing was written. Please report it with the "
                "log of this run to the plugin's issue tracker.",
                type(error).__name__,
                str(error),
            )
        )

    def input_label(self, parameters, name, context) -> str:
        """An input as the user knows it, for messages: a project layer by its name, a file by its file name
        ("city.gpkg › streets")."""
        return value_text(parameters.get(name), context)

    def input_summary(self, parameters, context):
        """[(label, value text)] of every input as the user gave it, for the reports' provenance table: a choice by
        its option's label (several joined by ", "), a yes/no by Yes or No, never by their numbers."""
        rows = []
        for definition in self.parameterDefinitions():
            if definition.isDestination():
                continue
            value = parameters.get(definition.name(), definition.defaultValue())
            if value is None or value == "" or value == []:
                text = value_text(value, context)
            elif isinstance(definition, QgsProcessingParameterEnum):
                text = self.choice_text(definition, parameters, context)
            elif isinstance(definition, QgsProcessingParameterBoolean):
                text = tr("Yes") if self.parameterAsBoolean(parameters, definition.name(), context) else tr("No")
            else:
                text = value_text(value, context)
            rows.append((definition.description(), text))
        return rows

    def choice_text(self, definition, parameters, context) -> str:
        """The label(s) of the option(s) chosen for an enum parameter ("Min-max (0 to 1)"), joined by ", "."""
        name = definition.name()
        if definition.usesStaticStrings():  # the value is the option itself
            value = parameters.get(name, definition.defaultValue())
            return ", ".join(str(item) for item in (value if isinstance(value, (list, tuple)) else [value]))
        options = definition.options()
        if definition.allowMultiple():
            chosen = self.parameterAsEnums(parameters, name, context)
        else:
            chosen = [self.parameterAsEnum(parameters, name, context)]
        return ", ".join(options[index] if 0 <= index < len(options) else str(index) for index in chosen) or "—"
