"""The one module that knows which QGIS and Qt it runs on.

QGIS 3.22 (Debian 12) names field types with ``QVariant`` and its enums unscoped (``QgsProcessing.TypeVectorPolygon``);
QGIS ≥ 3.30/3.36 moved the enums to ``Qgis`` with scoped names (``Qgis.ProcessingSourceType.VectorPolygon``) and
QGIS ≥ 3.38 types fields with ``QMetaType``; Qt 6 builds (QGIS 4) drop the old spellings. Everything else imports
the names below, spelled as the newest QGIS spells them, and runs on all three. When 3.22 support ends, each class
here becomes ``= Qgis.<Name>``.

Qt's own enums need no help: their scoped spelling (``Qt.ItemDataRole.UserRole``) works in PyQt5 and PyQt6 alike.
"""

from qgis.core import (
    Qgis,
    QgsColorRampShader,
    QgsFeatureRequest,
    QgsField,
    QgsMapLayerProxyModel,
    QgsMapLayerType,
    QgsProcessing,
    QgsProcessingFeatureSource,
    QgsProcessingModelChildParameterSource,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsUnitTypes,
    QgsWkbTypes,
)

QGIS_VERSION_INT = Qgis.QGIS_VERSION_INT


def _modern(name: str, legacy: type) -> type:
    """``Qgis.<name>`` where this QGIS has it, else ``legacy`` (the same member names on the 3.22 values)."""
    return getattr(Qgis, name, None) or legacy


# --- field types: QMetaType from QGIS 3.38, QVariant before (QgsField accepts either there) ---
if QGIS_VERSION_INT >= 33800:
    from qgis.PyQt.QtCore import QMetaType

    INT, DOUBLE, TEXT, INT64 = (
        QMetaType.Type.Int,
        QMetaType.Type.Double,
        QMetaType.Type.QString,
        QMetaType.Type.LongLong,
    )
else:
    from qgis.PyQt.QtCore import QVariant

    INT, DOUBLE, TEXT, INT64 = (QVariant.Int, QVariant.Double, QVariant.String, QVariant.LongLong)


def new_field(name: str, kind) -> QgsField:
    """A field of type ``kind`` (INT, DOUBLE, TEXT or INT64 from here)."""
    return QgsField(name, kind)


# --- enums, under their QGIS ≥ 3.36 names ---
class _LayerType:
    Vector = QgsMapLayerType.VectorLayer
    Raster = QgsMapLayerType.RasterLayer


class _ProcessingSourceType:
    Vector = QgsProcessing.TypeVector
    VectorAnyGeometry = QgsProcessing.TypeVectorAnyGeometry
    VectorPoint = QgsProcessing.TypeVectorPoint
    VectorLine = QgsProcessing.TypeVectorLine
    VectorPolygon = QgsProcessing.TypeVectorPolygon
    Raster = QgsProcessing.TypeRaster
    File = QgsProcessing.TypeFile
    MapLayer = QgsProcessing.TypeMapLayer
    Mesh = QgsProcessing.TypeMesh


class _ProcessingNumberParameterType:
    Integer = QgsProcessingParameterNumber.Integer
    Double = QgsProcessingParameterNumber.Double


class _ProcessingFieldParameterDataType:
    Any = QgsProcessingParameterField.Any
    Numeric = QgsProcessingParameterField.Numeric
    String = QgsProcessingParameterField.String
    DateTime = QgsProcessingParameterField.DateTime


class _ProcessingFileParameterBehavior:
    File = QgsProcessingParameterFile.File
    Folder = QgsProcessingParameterFile.Folder


class _ShaderInterpolationMethod:
    Linear = QgsColorRampShader.Interpolated
    Discrete = QgsColorRampShader.Discrete
    Exact = QgsColorRampShader.Exact


class _ProcessingParameterFlag:
    Advanced = QgsProcessingParameterDefinition.FlagAdvanced
    Optional = QgsProcessingParameterDefinition.FlagOptional
    Hidden = QgsProcessingParameterDefinition.FlagHidden


class _ProcessingFeatureSourceFlag:
    SkipGeometryValidityChecks = QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks


class _WkbType:
    NoGeometry = QgsWkbTypes.NoGeometry
    Point = QgsWkbTypes.Point
    MultiPoint = QgsWkbTypes.MultiPoint
    LineString = QgsWkbTypes.LineString
    MultiLineString = QgsWkbTypes.MultiLineString
    Polygon = QgsWkbTypes.Polygon
    MultiPolygon = QgsWkbTypes.MultiPolygon


class _GeometryType:
    Point = QgsWkbTypes.PointGeometry
    Line = QgsWkbTypes.LineGeometry
    Polygon = QgsWkbTypes.PolygonGeometry
    Null = QgsWkbTypes.NullGeometry


class _FeatureRequestFlag:
    NoGeometry = QgsFeatureRequest.NoGeometry


class _FeatureRequestFilterType:
    NoFilter = QgsFeatureRequest.FilterNone
    Expression = QgsFeatureRequest.FilterExpression


class _DistanceUnit:
    Meters = QgsUnitTypes.DistanceMeters


class _LayerFilter:
    VectorLayer = QgsMapLayerProxyModel.VectorLayer
    RasterLayer = QgsMapLayerProxyModel.RasterLayer
    PointLayer = QgsMapLayerProxyModel.PointLayer
    LineLayer = QgsMapLayerProxyModel.LineLayer
    PolygonLayer = QgsMapLayerProxyModel.PolygonLayer


class _ProcessingModelChildParameterSource:
    # QGIS >= 3.34 moved these to Qgis.ProcessingModelChildParameterSource and dropped them from the class (no
    # alias, unlike the other enums here): read them only where they still exist, _modern() then picks Qgis'.
    ModelParameter = getattr(QgsProcessingModelChildParameterSource, "ModelParameter", None)
    ChildOutput = getattr(QgsProcessingModelChildParameterSource, "ChildOutput", None)
    StaticValue = getattr(QgsProcessingModelChildParameterSource, "StaticValue", None)
    Expression = getattr(QgsProcessingModelChildParameterSource, "Expression", None)


ProcessingSourceType = _modern("ProcessingSourceType", _ProcessingSourceType)
ProcessingNumberParameterType = _modern("ProcessingNumberParameterType", _ProcessingNumberParameterType)
ProcessingFieldParameterDataType = _modern("ProcessingFieldParameterDataType", _ProcessingFieldParameterDataType)
ProcessingParameterFlag = _modern("ProcessingParameterFlag", _ProcessingParameterFlag)
ProcessingFileParameterBehavior = _modern("ProcessingFileParameterBehavior", _ProcessingFileParameterBehavior)
ShaderInterpolationMethod = _modern("ShaderInterpolationMethod", _ShaderInterpolationMethod)
ProcessingFeatureSourceFlag = _modern("ProcessingFeatureSourceFlag", _ProcessingFeatureSourceFlag)
WkbType = _modern("WkbType", _WkbType)
GeometryType = _modern("GeometryType", _GeometryType)
FeatureRequestFlag = _modern("FeatureRequestFlag", _FeatureRequestFlag)
FeatureRequestFilterType = _modern("FeatureRequestFilterType", _FeatureRequestFilterType)
DistanceUnit = _modern("DistanceUnit", _DistanceUnit)
LayerFilter = _modern("LayerFilter", _LayerFilter)
LayerType = _modern("LayerType", _LayerType)
ProcessingModelChildParameterSource = _modern(
    "ProcessingModelChildParameterSource", _ProcessingModelChildParameterSource
)


# --- classes Qt 6 moved: QAction is in QtGui there (and in QGIS 3.40's qgis.PyQt.QtGui), in QtWidgets in Qt 5 ---
try:
    from qgis.PyQt.QtGui import QAction
except ImportError:
    from qgis.PyQt.QtWidgets import QAction  # noqa: F401 - re-exported


# --- methods renamed in QGIS 3.34/3.40 (the old names go in QGIS 4) ---
def field_names(algorithm, parameters, name, context) -> list:
    """The field names of a field parameter: parameterAsStrings from QGIS 3.40, parameterAsFields before."""
    read = getattr(algorithm, "parameterAsStrings", None) or algorithm.parameterAsFields
    return list(read(parameters, name, context))


def set_null(rectangle):
    """Make ``rectangle`` the null rectangle that any extent combined with it replaces (setNull from QGIS 3.34,
    setMinimal before); returns it."""
    (getattr(rectangle, "setNull", None) or rectangle.setMinimal)()
    return rectangle
