<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>habitat</name>
        <message>
            <source>An input layer has no valid coordinate reference system. Set its CRS first.</source>
            <translation>有一个输入图层没有有效的坐标参考系。请先设置其坐标参考系。</translation>
        </message>
        <message>
            <source>Analysis CRS (chosen by the user): {0} {1}</source>
            <translation>分析坐标参考系（用户选择）：{0} {1}</translation>
        </message>
        <message>
            <source>Analysis CRS (projected, metres)</source>
            <translation>分析坐标参考系（投影，米）</translation>
        </message>
        <message>
            <source>Cancelled: no output was written.</source>
            <translation>已取消：未写入任何输出。</translation>
        </message>
        <message>
            <source>Could not remove the incomplete output {0}: {1}</source>
            <translation>无法删除不完整的输出 {0}：{1}</translation>
        </message>
        <message>
            <source>Habitat Planning</source>
            <translation>人居规划</translation>
        </message>
        <message>
            <source>Habitat planning</source>
            <translation>人居规划</translation>
        </message>
        <message>
            <source>Habitat planning toolkit {0}</source>
            <translation>人居规划工具包 {0}</translation>
        </message>
        <message>
            <source>Inputs are in {0}; distances need metres, so the analysis uses {1} ({2}), the UTM zone at the centre of the data. Choose another projected CRS in the parameters if you prefer.</source>
            <translation>输入数据的坐标参考系为 {0}；距离需要以米计算，因此分析使用数据中心所在的 UTM 分带 {1}（{2}）。如需其他投影坐标参考系，请在参数中选择。</translation>
        </message>
        <message>
            <source>Install it into the Python that QGIS uses, for example in a terminal: python3 -m pip install --user {0}</source>
            <translation>请将其安装到 QGIS 使用的 Python 中，例如在终端中运行：python3 -m pip install --user {0}</translation>
        </message>
        <message>
            <source>No tools in this area yet</source>
            <translation>此领域暂无工具</translation>
        </message>
        <message>
            <source>Open the OSGeo4W Shell and run: python -m pip install {0}</source>
            <translation>请打开 OSGeo4W Shell 并运行：python -m pip install {0}</translation>
        </message>
        <message>
            <source>Parameters</source>
            <translation>参数</translation>
        </message>
        <message>
            <source>Plan assessment</source>
            <translation>规划评估</translation>
        </message>
        <message>
            <source>Projected CRS in metres used for all distances and areas. Leave empty to keep the inputs' CRS when it is projected in metres, or to use the UTM zone of the data otherwise.</source>
            <translation>用于计算所有距离和面积的投影坐标参考系（单位为米）。留空时：若输入数据已是以米为单位的投影坐标参考系则保留之，否则使用数据所在的 UTM 分带。</translation>
        </message>
        <message>
            <source>Public space</source>
            <translation>公共空间</translation>
        </message>
        <message>
            <source>Spatial development framework</source>
            <translation>空间发展框架</translation>
        </message>
        <message>
            <source>The chosen CRS {0} is not a projected CRS in metres. Choose a projected CRS, for example the UTM zone of the city.</source>
            <translation>所选坐标参考系 {0} 不是以米为单位的投影坐标参考系。请选择投影坐标参考系，例如城市所在的 UTM 分带。</translation>
        </message>
        <message>
            <source>The inputs are empty: there is no extent to choose a CRS from.</source>
            <translation>输入数据为空：没有可用于选择坐标参考系的范围。</translation>
        </message>
        <message>
            <source>This tool needs the Python package(s) {0}, which are not installed.</source>
            <translation>此工具需要 Python 包 {0}，但尚未安装。</translation>
        </message>
    </context>
</TS>
