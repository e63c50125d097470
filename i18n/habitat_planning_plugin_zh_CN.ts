<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
    <context>
        <name>habitat</name>
        <message>
            <source> and at most {0} m²</source>
            <translation>且不超过 {0} 平方米</translation>
        </message>
        <message>
            <source>"scores" must map choices of "{0}" to 0-1</source>
            <translation>"scores" 必须将“{0}”的选项映射为 0–1 的分值</translation>
        </message>
        <message>
            <source>"scoring" must be one of {0}</source>
            <translation>"scoring" 必须是以下之一：{0}</translation>
        </message>
        <message>
            <source>"{0}" ({1}) has no field {2}: give the layer the tool named in its help writes. Its fields: {3}.</source>
            <translation>“{0}”（{1}）没有字段 {2}：请提供其帮助中所述工具输出的图层。其字段：{3}。</translation>
        </message>
        <message>
            <source>"{0}" and "{1}" are both 0: give at least one a weight above 0.</source>
            <translation>“{0}”和“{1}”均为 0：请至少给其中一个大于 0 的权重。</translation>
        </message>
        <message>
            <source>"{0}" holds a line break or a control character; give it on one line.</source>
            <translation>“{0}”含有换行符或控制字符；请在一行内填写。</translation>
        </message>
        <message>
            <source>"{0}" holds no open public space that counts.</source>
            <translation>“{0}”中没有计入的开放公共空间。</translation>
        </message>
        <message>
            <source>"{0}" in the expected functions is not a hierarchy level (1, 2, 3…; 1 = most central).</source>
            <translation>应有功能表中的“{0}”不是等级（1、2、3…；1 = 最高中心等级）。</translation>
        </message>
        <message>
            <source>"{0}" is given but the question has no dimension: it would not be scored</source>
            <translation>给出了 "{0}"，但该问题没有维度：它不会被计分</translation>
        </message>
        <message>
            <source>"{0}" is not a count question of the questionnaire</source>
            <translation>“{0}”不是问卷中的计数问题</translation>
        </message>
        <message>
            <source>"{0}" is not a valid XLSForm name (a letter or _, then letters, digits, _ . -)</source>
            <translation>“{0}”不是有效的 XLSForm 名称（以字母或 _ 开头，其后为字母、数字、_、. 或 -）</translation>
        </message>
        <message>
            <source>"{0}" is the same for every settlement: it adds the same to every score and does not change the ranking.</source>
            <translation>“{0}”在所有居民点中都相同：它为每个得分加上相同的值，不会改变排名。</translation>
        </message>
        <message>
            <source>"{0}" is the weakest dimension of the spaces most people depend on ({1} people).</source>
            <translation>“{0}”是最多人所依赖空间的最弱维度（{1} 人）。</translation>
        </message>
        <message>
            <source>"{0}" is {1} characters long; give at most {2}.</source>
            <translation>“{0}”长 {1} 个字符；请不超过 {2} 个。</translation>
        </message>
        <message>
            <source>"{0}" is {1} m, less than the walking distance ({2} m): give at least the walking distance.</source>
            <translation>“{0}”为 {1} 米，小于步行距离（{2} 米）：请至少给出步行距离。</translation>
        </message>
        <message>
            <source>"{0}" is {1} m: at most {2} m, because {3}.</source>
            <translation>“{0}”为 {1} 米：最多 {2} 米，因为{3}。</translation>
        </message>
        <message>
            <source>"{0}" is {1} m²: give 0 or more.</source>
            <translation>“{0}”为 {1} 平方米：请给出 0 或更大的值。</translation>
        </message>
        <message>
            <source>"{0}" may hold only letters, digits, _ . and -</source>
            <translation>“{0}”只能包含字母、数字、_、. 和 -</translation>
        </message>
        <message>
            <source>"{0}" must be "{1} &lt;choice list&gt;"</source>
            <translation>“{0}”必须写作“{1} &lt;选项列表&gt;”</translation>
        </message>
        <message>
            <source>"{0}" must be a finite number, not {1}.</source>
            <translation>“{0}”必须是有限数值，而不是 {1}。</translation>
        </message>
        <message>
            <source>"{0}" must be a layer saved in a file (GeoPackage, Shapefile…): the Dask workers open it themselves. Save it with Export ▸ Save Features As.</source>
            <translation>“{0}”必须是保存在文件中的图层（GeoPackage、Shapefile……）：Dask 工作进程需要自行打开它。请通过“导出 ▸ 要素另存为”保存。</translation>
        </message>
        <message>
            <source>"{0}" must be between {1} and {2}, not {3}.</source>
            <translation>“{0}”必须介于 {1} 和 {2} 之间，而不是 {3}。</translation>
        </message>
        <message>
            <source>"{0}" must be one of: {1}.</source>
            <translation>“{0}”必须是以下之一：{1}。</translation>
        </message>
        <message>
            <source>"{0}" of {1} is implausible; give at most {2}.</source>
            <translation>“{0}”为 {1}，不合理；请给出不超过 {2} 的值。</translation>
        </message>
        <message>
            <source>"{0}" of {1} {2} is implausible; give at most {3} {2}.</source>
            <translation>“{0}”为 {1} {2}，不合理；请给出不超过 {3} {2} 的值。</translation>
        </message>
        <message>
            <source>"{0}": the GeoPackage {1} holds other layers ({2}); writing to the file would replace all of them. Choose another file, or add the output to it as a layer (ogr:dbname='{1}' table="name").</source>
            <translation>“{0}”：GeoPackage {1} 中还有其他图层（{2}）；写入该文件会替换所有这些图层。请选择另一个文件，或将输出作为图层添加到其中（ogr:dbname='{1}' table="name"）。</translation>
        </message>
        <message>
            <source>"{0}": the field "{1}" of {2} holds text ({3}), not numbers.</source>
            <translation>“{0}”：{2} 的字段“{1}”为文本（{3}），不是数值。</translation>
        </message>
        <message>
            <source>"{0}": the file {1} exists but does not open as a layer ({2}): it is damaged, cut short or not a GIS file of this kind.</source>
            <translation>“{0}”：文件 {1} 存在，但无法作为图层打开（{2}）：文件已损坏、不完整，或不是此类 GIS 文件。</translation>
        </message>
        <message>
            <source>"{0}": the folder {1} cannot be written.</source>
            <translation>“{0}”：无法写入文件夹 {1}。</translation>
        </message>
        <message>
            <source>"{0}": the layer {1} has no field "{2}". Its fields: {3}.</source>
            <translation>“{0}”：图层 {1} 没有字段“{2}”。其字段为：{3}。</translation>
        </message>
        <message>
            <source>"{0}": {1} cannot be written (no permission, or the folder is read-only).</source>
            <translation>“{0}”：无法写入 {1}（没有权限，或文件夹为只读）。</translation>
        </message>
        <message>
            <source>"{0}": {1} is not a file this input reads; give one of {2}.</source>
            <translation>“{0}”：{1} 不是此输入可读取的文件；请提供以下之一：{2}。</translation>
        </message>
        <message>
            <source>"{0}": {1} is not a format this output writes; use one of {2}.</source>
            <translation>“{0}”：此输出不能写为 {1} 的格式；请使用以下之一：{2}。</translation>
        </message>
        <message>
            <source>(column {0} without a header)</source>
            <translation>（第 {0} 列，无表头）</translation>
        </message>
        <message>
            <source>, about {0} min left</source>
            <translation>，约剩 {0} 分钟</translation>
        </message>
        <message>
            <source>, {0} spaces to choose from</source>
            <translation>，可选择 {0} 个空间</translation>
        </message>
        <message>
            <source>0.5 weighs need and potential equally; 1 ranks by need alone.</source>
            <translation>0.5 表示需求与潜力同等重要；1 表示仅按需求排名。</translation>
        </message>
        <message>
            <source>15 to 30 min</source>
            <translation>15 至 30 分钟</translation>
        </message>
        <message>
            <source>5 to 15 min</source>
            <translation>5 至 15 分钟</translation>
        </message>
        <message>
            <source>; a centre's own mass counted</source>
            <translation>；计入中心自身的规模</translation>
        </message>
        <message>
            <source>; a centre's own mass left out</source>
            <translation>；不计中心自身的规模</translation>
        </message>
        <message>
            <source>A GPS tolerance of {0} m would link submissions to spaces far from where they were made (phone GPS is usually 5–20 m off): use at most {1} m.</source>
            <translation>GPS 容差为 {0} 米会把提交记录关联到远离其填写地点的空间（手机 GPS 误差通常为 5–20 米）：请最多使用 {1} 米。</translation>
        </message>
        <message>
            <source>A GeoPackage that keeps every plan assessed (with its city polygon when given), every scorecard and every score. A later run adds to it (an assessor's card for a plan replaces the one stored), so plans can be compared over time and across cities from the store alone: give the store as a scorecard.</source>
            <translation>保存所有已评估规划（给定城市多边形时连同其几何）、所有评分表和所有评分的 GeoPackage。之后的运行会向其中追加（同一评估者对同一规划的评分表会替换已保存的那份），因此仅凭评估库即可比较不同时间和不同城市的规划：将评估库作为评分表输入即可。</translation>
        </message>
        <message>
            <source>A budget needs the cost of every candidate site.</source>
            <translation>使用预算需要每个候选地块的成本。</translation>
        </message>
        <message>
            <source>A budget of {0} needs the cost of each candidate site: choose the cost field.</source>
            <translation>预算 {0} 需要每个候选地块的成本：请选择成本字段。</translation>
        </message>
        <message>
            <source>A built-up cell is suburban from this share up to the urban threshold, and rural below it (Atlas of Urban Expansion: 25 %; the first SDG 11.7.1 text used 10 %).</source>
            <translation>建成区像元的比例从此值到城市阈值时为郊区，低于此值时为乡村（《城市扩张地图集》：25%；可持续发展目标 11.7.1 最初的文本采用 10%）。</translation>
        </message>
        <message>
            <source>A built-up cell is urban when more than this share of the circle around it is built-up (Atlas of Urban Expansion: 50 %).</source>
            <translation>当建成区像元周围圆内的建成区比例超过此值时为城市（《城市扩张地图集》：50%）。</translation>
        </message>
        <message>
            <source>A cell is built-up from (% of the cell)</source>
            <translation>像元为建成区的下限（像元的 %）</translation>
        </message>
        <message>
            <source>A cell is built-up from a share above 0 %.</source>
            <translation>像元为建成区的比例下限必须大于 0%。</translation>
        </message>
        <message>
            <source>A cell this much built-up or less is open land (0.2: at most 20 % of the cell). With 0/1 or WorldCover data only cells that are not built-up are open.</source>
            <translation>建成区比例不超过此值的像元为开放用地（0.2：像元中建成部分不超过 20%）。对于 0/1 或 WorldCover 数据，只有非建成区像元为开放用地。</translation>
        </message>
        <message>
            <source>A centre's own people are accessible to it.</source>
            <translation>中心自身的人口对其而言是可达的。</translation>
        </message>
        <message>
            <source>A centre's own people are accessible to it: its own mass counts at no travel time in its Hansen accessibility. When off, only the other centres count (the settlements beside a large centre then score higher than the centre itself).</source>
            <translation>中心自身的人口对其而言是可达的：在其 Hansen 可达性中，自身规模按零出行时间计入。关闭时只计其他中心（此时大中心旁边的居民点得分会高于该中心本身）。</translation>
        </message>
        <message>
            <source>A composite development index of settlements or sectors from indicator fields you choose (population growth, poverty, services, infrastructure, economy…), following the OECD/JRC handbook on composite indicators. Indicators where more is worse (such as poverty) are reversed; each is normalised (min-max or z-scores), weighted (equally or by your weights) and aggregated (linear, or geometric so that a poor score is not offset by a good one). Missing values follow the policy you choose and are counted. The index is classed and ranked, and a sensitivity check raises and lowers each weight by 20 % to show how much the ranking depends on it.</source>
            <translation>按照经合组织/欧盟联合研究中心《综合指标构建手册》，根据您选择的指标字段（人口增长、贫困、服务、基础设施、经济……）计算居民点或片区的综合发展指数。数值越高越差的指标（如贫困）会被反向处理；每个指标经过标准化（极差法或 z 分数）、加权（等权或您设定的权重）和汇总（线性汇总，或几何汇总——低分不会被高分抵消）。缺失值按您选择的规则处理并计数。指数会被分级和排名，敏感性检验将每个权重分别上调和下调 20 %，以显示排名对该权重的依赖程度。</translation>
        </message>
        <message>
            <source>A corridor distance of {0} m is implausible: a settlement that far from a corridor is not on it. Give at most {1} m.</source>
            <translation>走廊距离 {0} 米不合理：离走廊这么远的居民点并不位于走廊上。请给出不超过 {1} 米的值。</translation>
        </message>
        <message>
            <source>A draft improvement list for the local discussion: the criteria scored below 2 (goals and policies) or not scored, in the themes below {0} % of their potential score, with what the assessors wrote.</source>
            <translation>供当地讨论的改进清单草案：在得分低于满分 {0}% 的主题中，评分低于 2（有目标和政策）或未评分的标准，以及评估者的意见。</translation>
        </message>
        <message>
            <source>A facility search distance of {0} m is implausible: a facility that far away serves no settlement of its own. Give at most {1} m.</source>
            <translation>设施搜索距离 {0} 米不合理：这么远的设施并不服务于其所属的居民点。请给出不超过 {1} 米的值。</translation>
        </message>
        <message>
            <source>A first draft of the public space inventory from OpenStreetMap data you already have: the multipolygons layer of an .osm.pbf or .osm file (choose the file and its "multipolygons" layer) or an OSM polygon layer with tag columns. Features with the tags of the CIESIN global SDG 11.7.1 (leisure=park, garden, playground, pitch…, landuse=village_green, recreation_ground, forest…, natural=grassland, wood…), squares (place=square, pedestrian areas), school grounds and cemeteries are classified into the five types; access=private or no and fee=yes mark a space as not counted. Types whose status as open public space is doubtful (pitches, stadiums, tracks, sports centres, forest, wood, scrub, allotments, cemeteries, school grounds) are flagged for review (field review = 1, the reason in review_why) and listed in the log; by default they count, as pitches, forest and allotments do in the CIESIN global 11.7.1, except cemeteries and school grounds, which are not open to all: change this rule under "Types that need review". Overlapping duplicates are merged into the larger feature when both count or both do not, and its record lists the OSM ids it absorbed. Extracts cut at their edge carry broken multipolygons: those that cannot be repaired are skipped, counted and named in the log. The OSM id and the tags used are kept for review in the field.</source>
            <translation>根据已有的 OpenStreetMap 数据生成公共空间盘点初稿：.osm.pbf 或 .osm 文件的 multipolygons 图层（选择文件及其“multipolygons”图层），或带有 OSM 标签字段的面图层。带有 CIESIN 全球可持续发展目标 11.7.1 所用标签（leisure=park、garden、playground、pitch……，landuse=village_green、recreation_ground、forest……，natural=grassland、wood……）的要素、广场（place=square、步行区）、学校场地和墓地被归入五种类型；access=private 或 no 以及 fee=yes 的空间标记为不计入。作为开放公共空间的性质存疑的类型（运动场、体育场、跑道、体育中心、森林、林地、灌木丛、租赁菜园、墓地、学校场地）标记为待复核（字段 review = 1，原因见 review_why），并在日志中列出；默认按 CIESIN 全球可持续发展目标 11.7.1 对运动场、森林和租赁菜园的做法计入，但墓地和学校场地不对所有人开放，不计入：可在“待复核类型”中更改此规则。相互重叠的重复要素在同为计入或同为不计入时合并到较大的要素中，并在其记录中列出被合并的 OSM 编号。在边缘被截断的数据摘录含有损坏的多面：无法修复的将被跳过、计数，并在日志中列出。保留 OSM 编号和所用标签，以便实地核查。</translation>
        </message>
        <message>
            <source>A gap enclosed by urban, suburban and fringe cells becomes captured open space when it is smaller than this (200 ha in the Atlas); larger gaps, and gaps that reach the raster's edge, stay rural.</source>
            <translation>被城市、郊区和边缘像元包围的空隙小于此值时成为被包围的开放空间（地图集中为 200 公顷）；更大的空隙以及延伸到栅格边缘的空隙仍为乡村。</translation>
        </message>
        <message>
            <source>A map of the priorities, the ranking with each component's contribution and the weights used, in the language of QGIS.</source>
            <translation>优先级地图、包含各分项贡献的排名以及所用权重，使用 QGIS 的界面语言。</translation>
        </message>
        <message>
            <source>A new road's end this close to a vertex of the existing roads is joined to it; ends farther away are reported (a road drawn to a roadless village ends there).</source>
            <translation>新建道路的端点距现有道路顶点在此距离以内时与之连接；更远的端点会被列出（通往无道路村庄的道路即止于该处）。</translation>
        </message>
        <message>
            <source>A page per district with a locator map and its indicators beside the city and the benchmarks (and the change since the previous scorecard), every label in English and Chinese.</source>
            <translation>每区一页，含位置图及其指标与全市和基准的对照（以及自上一期评分表以来的变化），每个标签均为英文和中文。</translation>
        </message>
        <message>
            <source>A population grid; extra bands are groups (women, older persons…).</source>
            <translation>人口栅格；其他波段为人群（妇女、老年人……）。</translation>
        </message>
        <message>
            <source>A power decay with β = {0} hardly discounts travel time; the gravity exponent is 2.</source>
            <translation>β = {0} 的幂函数衰减几乎不折减出行时间；引力模型的指数为 2。</translation>
        </message>
        <message>
            <source>A principle is reflected when at least {0} % of its criteria that apply reach a mean score of {1} (goals and policies); a criterion nobody scored counts as 0. The rule is the framework's and can be edited there.</source>
            <translation>当一项原则的适用标准中至少 {0}% 的平均分达到 {1}（有目标和政策）时，视为体现该原则；没有任何人评分的标准按 0 分计。该规则由评估框架规定，可在框架中修改。</translation>
        </message>
        <message>
            <source>A report for every city</source>
            <translation>为每个城市生成报告</translation>
        </message>
        <message>
            <source>A scenario needs at least three settlements with a location; the input "{0}" has {1}.</source>
            <translation>情景至少需要三个有位置的居民点；输入“{0}”只有 {1} 个。</translation>
        </message>
        <message>
            <source>A service time of {0} minutes is implausible for a centre's services; give at most {1} minutes (a day).</source>
            <translation>对中心的服务而言，{0} 分钟的服务时间不合理；请给出不超过 {1} 分钟（一天）的值。</translation>
        </message>
        <message>
            <source>A settlement within this distance of a corridor is on it.</source>
            <translation>距离发展走廊在此距离以内的居民点视为位于走廊上。</translation>
        </message>
        <message>
            <source>A space whose lowest score is shared by several dimensions counts for each of them.</source>
            <translation>最低分由多个维度并列的空间，对每个维度都计一次。</translation>
        </message>
        <message>
            <source>A street that passes this close to a space or a candidate site has an entrance there; the walk starts there with the straight distance to it. A candidate with no street this close cannot be reached and is left out.</source>
            <translation>街道经过公共空间或候选地块的距离在此范围内时，该处即有入口；步行从该处开始，并计入到该空间的直线距离。没有街道经过此范围内的候选地块无法到达，将被排除。</translation>
        </message>
        <message>
            <source>A street that passes this close to a space's edge has an entrance there (at its vertices, at its nearest point to the space and every 10 m alongside); the walk starts there with the straight distance to the space.</source>
            <translation>在距公共空间边界这一距离以内经过的街道在该处设有入口（在其顶点、距该空间最近的点以及沿线每 10 米处）；步行从入口开始，起始距离为入口到该空间的直线距离。</translation>
        </message>
        <message>
            <source>A street that passes this close to a space's edge has an entrance there, as for walking access.</source>
            <translation>在距空间边界此距离内经过的街道在那里有一个入口，与步行可达性相同。</translation>
        </message>
        <message>
            <source>A street that passes this close to a space's edge has an entrance there.</source>
            <translation>距空间边缘这么近的街道在该处有入口。</translation>
        </message>
        <message>
            <source>A street this close to a space's edge has an entrance there.</source>
            <translation>距公共空间边界这一距离以内的街道在该处设有入口。</translation>
        </message>
        <message>
            <source>A submission without a space id goes to the space within this distance.</source>
            <translation>没有空间编号的提交记录归入此距离内的空间。</translation>
        </message>
        <message>
            <source>A submission without a usable space id is linked to the space its GPS point lies in, or to the nearest space within this distance (phone GPS is often 5-20 m off).</source>
            <translation>没有可用空间编号的提交记录，将关联到其 GPS 点所在的空间，或此距离内最近的空间（手机 GPS 常有 5–20 米误差）。</translation>
        </message>
        <message>
            <source>Access by district and population group</source>
            <translation>按区和人口群体统计的可达性</translation>
        </message>
        <message>
            <source>Access field</source>
            <translation>通行字段</translation>
        </message>
        <message>
            <source>Access to public space by district</source>
            <translation>各区公共空间可达性</translation>
        </message>
        <message>
            <source>Accessibility and territorial influence of centres</source>
            <translation>中心的可达性与地域影响</translation>
        </message>
        <message>
            <source>Accessibility decay β (per minute)</source>
            <translation>可达性衰减系数 β（每分钟）</translation>
        </message>
        <message>
            <source>Accessibility field</source>
            <translation>可达性字段</translation>
        </message>
        <message>
            <source>Accessibility index</source>
            <translation>可达性指数</translation>
        </message>
        <message>
            <source>Accessibility of settlements</source>
            <translation>居民点可达性</translation>
        </message>
        <message>
            <source>Add files…</source>
            <translation>添加文件…</translation>
        </message>
        <message>
            <source>Added to the baseline facilities</source>
            <translation>添加到基线设施中</translation>
        </message>
        <message>
            <source>Added {0} plans and {1} scores to the assessment store {2}.</source>
            <translation>已向评估库 {2} 添加 {0} 个规划和 {1} 条评分。</translation>
        </message>
        <message>
            <source>Aggregation</source>
            <translation>汇总方法</translation>
        </message>
        <message>
            <source>Agreement needs a table of assessors by criteria.</source>
            <translation>一致性计算需要“评估者 × 标准”的评分表。</translation>
        </message>
        <message>
            <source>All cities</source>
            <translation>所有城市</translation>
        </message>
        <message>
            <source>All counted types</source>
            <translation>所有计入类型</translation>
        </message>
        <message>
            <source>All residents</source>
            <translation>全体居民</translation>
        </message>
        <message>
            <source>All {0} pieces of urban extent are smaller than {1} km² (the largest is {2} km²): lower the smallest urban extent.</source>
            <translation>全部 {0} 个城市范围部分均小于 {1} 平方公里（最大为 {2} 平方公里）：请调低最小城市范围。</translation>
        </message>
        <message>
            <source>Also estimate the street share by sampling</source>
            <translation>同时用抽样法估算街道比例</translation>
        </message>
        <message>
            <source>Also report the straight-line buffer result</source>
            <translation>同时报告直线缓冲区结果</translation>
        </message>
        <message>
            <source>Also save the reports as PDF</source>
            <translation>同时将报告保存为 PDF</translation>
        </message>
        <message>
            <source>Also solve the exact maximal covering problem with the HiGHS solver (up to 200,000 site-population pairs once people served by the same sites are merged) and keep it when it beats the greedy choice. Larger problems keep the greedy choice, with a bound on how far it can be from the best.</source>
            <translation>同时用 HiGHS 求解器精确求解最大覆盖问题（合并由相同地块服务的人口后，地块-人口对不超过 200,000 个），当其优于贪心选择时予以保留。更大的问题保留贪心选择，并给出其与最优解差距的上界。</translation>
        </message>
        <message>
            <source>Also write one report per measured city (with its districts) into the city_reports folder of the output folder.</source>
            <translation>另为每个已计算的城市（含其区）生成一份报告，保存在输出文件夹的 city_reports 文件夹中。</translation>
        </message>
        <message>
            <source>Among the indicators, those where a higher value means less development (poverty, unemployment, travel time): they are reversed.</source>
            <translation>指标中数值越高表示发展水平越低的指标（贫困、失业、出行时间）：这些指标会被反向处理。</translation>
        </message>
        <message>
            <source>An earlier population is only used with a built-up raster of the earlier date.</source>
            <translation>较早日期的人口只在提供较早日期建成区栅格时使用。</translation>
        </message>
        <message>
            <source>An exponential decay with β = {0} per minute halves a centre's weight every {1} minutes; 0.0231 halves it every 30 minutes.</source>
            <translation>每分钟 β = {0} 的指数衰减使中心的权重每 {1} 分钟减半；0.0231 则每 30 分钟减半。</translation>
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
            <source>Answer not in the choice list or out of range; not scored</source>
            <translation>答案不在选项列表中或超出范围；不计分</translation>
        </message>
        <message>
            <source>Area</source>
            <translation>区域</translation>
        </message>
        <message>
            <source>Area (ha)</source>
            <translation>面积（公顷）</translation>
        </message>
        <message>
            <source>Area (km²)</source>
            <translation>面积（平方公里）</translation>
        </message>
        <message>
            <source>Area of the candidate sites (ha)</source>
            <translation>候选地块面积（公顷）</translation>
        </message>
        <message>
            <source>Assessment framework (JSON, optional)</source>
            <translation>评估框架（JSON，可选）</translation>
        </message>
        <message>
            <source>Assessment frameworks (*.json)</source>
            <translation>评估框架 (*.json)</translation>
        </message>
        <message>
            <source>Assessment store (GeoPackage, added to)</source>
            <translation>评估库（GeoPackage，追加写入）</translation>
        </message>
        <message>
            <source>Assessor</source>
            <translation>评估者</translation>
        </message>
        <message>
            <source>At least one dimension needs a weight above 0.</source>
            <translation>至少一个维度的权重需大于 0。</translation>
        </message>
        <message>
            <source>Atlas of Urban Expansion</source>
            <translation>城市扩张地图集</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>上一步</translation>
        </message>
        <message>
            <source>Band</source>
            <translation>波段</translation>
        </message>
        <message>
            <source>Band of the earlier raster</source>
            <translation>较早栅格的波段</translation>
        </message>
        <message>
            <source>Baseline</source>
            <translation>基线</translation>
        </message>
        <message>
            <source>Baseline and scenario by settlement</source>
            <translation>各居民点的基线与情景</translation>
        </message>
        <message>
            <source>Baseline and scenario side by side</source>
            <translation>基线与情景并列对照</translation>
        </message>
        <message>
            <source>Baselines: in UN-Habitat's 2020 data for 1,072 cities in 120 countries, open public space averaged 3.2 % of the urban area, about four times less than streets, and more than three quarters of the cities had less than 20 % of their area in streets and open public space.</source>
            <translation>基线：在联合国人居署 2020 年覆盖 120 个国家 1,072 个城市的数据中，开放公共空间平均占城市面积的 3.2%，约为街道的四分之一；超过四分之三的城市中，街道和开放公共空间占城市面积不到 20%。</translation>
        </message>
        <message>
            <source>Baselines: {0}</source>
            <translation>基线：{0}</translation>
        </message>
        <message>
            <source>Benchmark</source>
            <translation>基准</translation>
        </message>
        <message>
            <source>Benchmarks (UN-Habitat): 15 % open public space, 30 % streets, 45 % together; SDG target 11.7: everyone within walking distance of an open public space.</source>
            <translation>基准（联合国人居署）：开放公共空间 15%，街道 30%，合计 45%；可持续发展目标 11.7：人人在步行距离内可达开放公共空间。</translation>
        </message>
        <message>
            <source>Benchmarks met: {0} of {1}. Green: at or above the benchmark; red: below it.</source>
            <translation>达到基准：{0} / {1}。绿色：达到或超过基准；红色：低于基准。</translation>
        </message>
        <message>
            <source>Benchmarks: 15 % of the urban area in public space, 30 % in streets, 45 % in all (UN-Habitat).</source>
            <translation>基准：城市面积的 15% 为公共空间，30% 为街道，合计 45%（联合国人居署）。</translation>
        </message>
        <message>
            <source>Between groups</source>
            <translation>组间</translation>
        </message>
        <message>
            <source>Beyond the walking distance</source>
            <translation>超出步行距离</translation>
        </message>
        <message>
            <source>Broken geometries skipped</source>
            <translation>跳过的损坏几何数</translation>
        </message>
        <message>
            <source>Budget (optional)</source>
            <translation>预算（可选）</translation>
        </message>
        <message>
            <source>Building footprints for spreading (optional)</source>
            <translation>用于分配的建筑轮廓（可选）</translation>
        </message>
        <message>
            <source>Building footprints: the people of a coarse cell are spread in proportion to the footprint area in each sub-cell. Used when no built-up raster is given.</source>
            <translation>建筑轮廓：粗栅格单元中的人口按各子单元内的建筑占地面积比例分配。未提供建成区栅格时使用。</translation>
        </message>
        <message>
            <source>Builds the city-wide inventory of open public spaces from polygons of any source. Each space gets one of the five SDG 11.7.1 types (park, civic park, square, recreational green area, public facility open area) through the type mapping, or is marked as not counted with the reason: another type, a type value the mapping does not know, restricted access (private or no) or an entry fee. Invalid polygons are repaired and counted; features without a usable polygon are kept in the output and flagged. Area (m², ha), size class (thresholds editable) and district are added. The summary gives, per district and type, the number of counted spaces, their area, their share of the district's area and, with a population grid, the m² of public space per inhabitant.</source>
            <translation>根据任意来源的面数据建立全市开放公共空间盘点。每个空间通过类型对照表归入可持续发展目标 11.7.1 的五种类型之一（公园、街心公园、广场、休闲绿地、公共设施开放区），或标记为不计入并注明原因：其他类型、对照表中没有的类型值、通行受限（私人或禁止）或收费。无效的面会被修复并计数；没有可用面几何的要素仍保留在输出中并加以标记。输出增加面积（平方米、公顷）、规模等级（阈值可编辑）和所属区。汇总表按区和类型给出计入空间的数量、面积、占区面积的比例，以及（如提供人口栅格）人均公共空间面积（平方米）。</translation>
        </message>
        <message>
            <source>Built-up data in a projected CRS in metres: GHSL built-up surface, ESA WorldCover, or a built-up share. Cells with the band's nodata value are left out (without a nodata value every cell counts). For SDG 11.3.1 this is the later date.</source>
            <translation>以米为单位的投影坐标参考系中的建成区数据：GHSL 建成区面积、ESA WorldCover 或建成区比例。取值为波段无数据值的像元不计入（未设置无数据值时所有像元都计入）。用于可持续发展目标 11.3.1 时，这是较晚的日期。</translation>
        </message>
        <message>
            <source>Built-up data in a projected CRS in metres: GHSL built-up surface, ESA WorldCover, or a built-up share. Cells with the band's nodata value are never open land. The sites are in its CRS. The finer the cells (10 m WorldCover, 10 m GHSL), the finer the sites.</source>
            <translation>以米为单位的投影坐标参考系中的建成区数据：GHSL 建成区面积、ESA WorldCover 或建成区比例。取值为波段无数据值的像元不会成为开放用地。地块采用该栅格的坐标参考系。像元越细（10 米 WorldCover、10 米 GHSL），地块越精细。</translation>
        </message>
        <message>
            <source>Built-up or not (0 / 1)</source>
            <translation>是否为建成区（0 / 1）</translation>
        </message>
        <message>
            <source>Built-up percentage 0–100</source>
            <translation>建成区百分比 0–100</translation>
        </message>
        <message>
            <source>Built-up raster</source>
            <translation>建成区栅格</translation>
        </message>
        <message>
            <source>Built-up raster for spreading (optional)</source>
            <translation>用于分配的建成区栅格（可选）</translation>
        </message>
        <message>
            <source>Built-up raster of an earlier date (SDG 11.3.1)</source>
            <translation>较早日期的建成区栅格（可持续发展目标 11.3.1）</translation>
        </message>
        <message>
            <source>Built-up raster {0}: {1} x {2} cells of {3} x {4} m; kind: {5}.</source>
            <translation>建成区栅格 {0}：{1} x {2} 个 {3} x {4} 米的像元；数值类型：{5}。</translation>
        </message>
        <message>
            <source>Built-up share (50 m grid)</source>
            <translation>建成区比例（50 米栅格）</translation>
        </message>
        <message>
            <source>Built-up share 0–1 (any 0–1 built-up grid)</source>
            <translation>建成区比例 0–1（任何 0–1 建成区栅格）</translation>
        </message>
        <message>
            <source>Built-up share or built-up surface (such as GHSL built-up surface or a 0–1 grid): the people of a coarse cell are spread in proportion to it (dasymetric), not evenly.</source>
            <translation>建成区比例或建成区面积（如 GHSL 建成区面积或 0–1 栅格）：粗栅格单元中的人口按其比例分配（分区密度制图法），而不是平均分配。</translation>
        </message>
        <message>
            <source>By centrality</source>
            <translation>按中心性</translation>
        </message>
        <message>
            <source>By city</source>
            <translation>按城市</translation>
        </message>
        <message>
            <source>By development index</source>
            <translation>按发展指数</translation>
        </message>
        <message>
            <source>By district</source>
            <translation>按区</translation>
        </message>
        <message>
            <source>By population group</source>
            <translation>按人口群体</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Cancelled: no output was written.</source>
            <translation>已取消：未写入任何输出。</translation>
        </message>
        <message>
            <source>Cancelled: {0} cities are kept; run again to finish the others.</source>
            <translation>已取消：保留 {0} 个城市的结果；再次运行即可完成其余城市。</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <source>Candidate name field</source>
            <translation>候选地块名称字段</translation>
        </message>
        <message>
            <source>Candidate public spaces with type, whether they count, the review flag, OSM id and tags, ready for the public space inventory (type field "inventory_type", which keeps the review rule).</source>
            <translation>候选公共空间，包括类型、是否计入、待复核标记、OSM 编号和标签，可直接用于公共空间盘点（类型字段为“inventory_type”，其中已应用复核规则）。</translation>
        </message>
        <message>
            <source>Candidate site, not chosen</source>
            <translation>未选中的候选地块</translation>
        </message>
        <message>
            <source>Candidate sites</source>
            <translation>候选地块</translation>
        </message>
        <message>
            <source>Candidate sites (polygons)</source>
            <translation>候选地块（多边形）</translation>
        </message>
        <message>
            <source>Candidate sites chosen to bring the most people within {0} m walking distance of an open public space, along the street network (SDG 11.7.1 (b)).</source>
            <translation>所选候选地块使沿街道网络 {0} 米步行距离内能到达开放公共空间的人口最多（可持续发展目标 11.7.1 (b)）。</translation>
        </message>
        <message>
            <source>Candidate sites for new public space from the land that is not built on: the cells of a built-up raster (GHSL built-up surface, ESA WorldCover or any 0–1 built-up share) that are at most 20 % built-up and lie inside the urban extent, less the existing public spaces, the street corridors and any other land to leave out (water, railways). Each connected piece of open land, cut exactly by those exclusions, is one site; sites below the minimum size are left out and the largest are kept. The sites go straight into "Where to add public space (siting)" as its candidate sites, with name as the candidate name field. The raster's cells decide what is open land, so a site is only as fine as the raster: check the sites on imagery and with the land register before planning on them.</source>
            <translation>由未建设的土地生成新增公共空间的候选地块：建成区栅格（GHSL 建成区面积、ESA WorldCover 或任何 0–1 建成区比例）中建成部分不超过 20% 且位于城市范围内的像元，去除现有公共空间、街道廊道及其他不计入的用地（水体、铁路）。每片连通的开放用地按这些排除项精确裁切后即为一个地块；小于最小面积的地块不计入，并保留最大的地块。所得地块可直接作为“在哪里新增公共空间（选址）”的候选地块，候选地块名称字段选择 name。开放用地由栅格像元决定，因此地块的精细程度取决于栅格：规划前请用影像和土地登记核查这些地块。</translation>
        </message>
        <message>
            <source>Candidate sites from non-built land</source>
            <translation>由非建成用地生成候选地块</translation>
        </message>
        <message>
            <source>Candidate spaces</source>
            <translation>候选空间数</translation>
        </message>
        <message>
            <source>Candidates smaller than this are left out. SDG 11.7.1 counts open public spaces of any size, so the default is 0; set a local standard here (for example 1,000 m² = 0.1 ha).</source>
            <translation>小于此面积的候选地块被排除。可持续发展目标 11.7.1 计入任何面积的开放公共空间，因此默认值为 0；可在此设定地方标准（例如 1,000 平方米 = 0.1 公顷）。</translation>
        </message>
        <message>
            <source>Cannot open {0} as a vector layer: {1}</source>
            <translation>无法将 {0} 作为矢量图层打开：{1}</translation>
        </message>
        <message>
            <source>Cannot reach the Dask scheduler at {0}: {1}</source>
            <translation>无法连接位于 {0} 的 Dask 调度器：{1}</translation>
        </message>
        <message>
            <source>Cannot read the built-up raster {0}: {1}</source>
            <translation>无法读取建成区栅格 {0}：{1}</translation>
        </message>
        <message>
            <source>Cannot read the framework file {0}: {1}</source>
            <translation>无法读取评估框架文件 {0}：{1}</translation>
        </message>
        <message>
            <source>Cannot read the population raster {0}: {1}</source>
            <translation>无法读取人口栅格 {0}：{1}</translation>
        </message>
        <message>
            <source>Cannot read the questionnaire {0}: {1}</source>
            <translation>无法读取问卷 {0}：{1}</translation>
        </message>
        <message>
            <source>Cannot read the scorecard {0}: {1}</source>
            <translation>无法读取评分表 {0}：{1}</translation>
        </message>
        <message>
            <source>Cannot read the survey export {0}: {1}</source>
            <translation>无法读取调查导出文件 {0}：{1}</translation>
        </message>
        <message>
            <source>Cannot read the {0} raster {1}.</source>
            <translation>无法读取{0}栅格 {1}。</translation>
        </message>
        <message>
            <source>Cannot read the {0} raster {1}: the file is damaged or cut short (band {2}).</source>
            <translation>无法读取{0}栅格 {1}：文件已损坏或不完整（波段 {2}）。</translation>
        </message>
        <message>
            <source>Cannot read the {0} raster {1}: the file is damaged or not a raster.</source>
            <translation>无法读取{0}栅格 {1}：文件已损坏或不是栅格。</translation>
        </message>
        <message>
            <source>Cannot read the {0} raster {1}: {2}</source>
            <translation>无法读取{0}栅格 {1}：{2}</translation>
        </message>
        <message>
            <source>Cannot read {0}: {1}</source>
            <translation>无法读取 {0}：{1}</translation>
        </message>
        <message>
            <source>Cannot transform coordinates from {0} to {1}.</source>
            <translation>无法将坐标从 {0} 转换到 {1}。</translation>
        </message>
        <message>
            <source>Cannot write the classified raster {0}.</source>
            <translation>无法写入分类栅格 {0}。</translation>
        </message>
        <message>
            <source>Cannot write {0}: {1}. Nothing was written; an earlier file of that name is as it was.</source>
            <translation>无法写入 {0}：{1}。未写入任何内容；先前同名文件保持原样。</translation>
        </message>
        <message>
            <source>Captured open space</source>
            <translation>被包围的开放空间</translation>
        </message>
        <message>
            <source>Captured open space below (ha)</source>
            <translation>被包围的开放空间上限（公顷）</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Central</source>
            <translation>主要中心</translation>
        </message>
        <message>
            <source>Centrality field</source>
            <translation>中心性字段</translation>
        </message>
        <message>
            <source>Centrality field (for the combined hierarchy)</source>
            <translation>中心性字段（用于综合等级体系）</translation>
        </message>
        <message>
            <source>Centrality index</source>
            <translation>中心性指数</translation>
        </message>
        <message>
            <source>Centrality index of the most central settlements</source>
            <translation>中心性最高的居民点的中心性指数</translation>
        </message>
        <message>
            <source>Centre</source>
            <translation>中心</translation>
        </message>
        <message>
            <source>Centre level (or more central)</source>
            <translation>中心等级（或更高等级）</translation>
        </message>
        <message>
            <source>Centres</source>
            <translation>中心数</translation>
        </message>
        <message>
            <source>Centres are levels up to</source>
            <translation>作为中心的最低等级</translation>
        </message>
        <message>
            <source>Centres are levels up to {0}, but there are only {1} levels.</source>
            <translation>作为中心的最低等级为 {0}，但只有 {1} 个等级。</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>变化</translation>
        </message>
        <message>
            <source>Change since {0}</source>
            <translation>自 {0} 年以来的变化</translation>
        </message>
        <message>
            <source>Changes in the settlement hierarchy</source>
            <translation>居民点等级体系的变化</translation>
        </message>
        <message>
            <source>Children</source>
            <translation>儿童</translation>
        </message>
        <message>
            <source>Choose at least one field or the corridors: there is nothing to rank by.</source>
            <translation>请至少选择一个字段或发展走廊：否则没有排名依据。</translation>
        </message>
        <message>
            <source>Choose at least one indicator field.</source>
            <translation>请至少选择一个指标字段。</translation>
        </message>
        <message>
            <source>Choose at least one need or potential component.</source>
            <translation>请至少选择一个需求或潜力分项。</translation>
        </message>
        <message>
            <source>Choose at least one population count field of the population layer.</source>
            <translation>请至少选择人口图层中的一个人口数量字段。</translation>
        </message>
        <message>
            <source>Choose the city name field of the city polygons.</source>
            <translation>请选择城市面的城市名称字段。</translation>
        </message>
        <message>
            <source>Choose the function field of the facilities.</source>
            <translation>请选择设施的功能字段。</translation>
        </message>
        <message>
            <source>Choose the space id field of the inventory.</source>
            <translation>请选择盘点图层的空间编号字段。</translation>
        </message>
        <message>
            <source>Chooses among candidate sites (vacant land, public parcels) the new open public spaces that bring the most people within walking distance (400 m by default, SDG 11.7.1 (b)) of an open public space, along the street network: a given number of sites, or as many as a budget allows. Distances, entrances and the urban extent are measured exactly as in SDG 11.7.1 (b) walking access, so building the chosen sites gives the share this tool reports. People served by the existing spaces count for no site. The sites are chosen greedily by their exact additional population (per unit of cost with a budget), and the exact maximal covering problem is solved with the HiGHS solver when it is small enough; the better solution is kept and its distance from the best possible (the optimality gap) is reported. Outputs: the chosen sites in order with the people each adds, the curve of the share served against the number of new spaces, and the new SDG 11.7.1 (b) value.</source>
            <translation>从候选地块（空地、公有地块）中选择新的开放公共空间，使沿街道网络步行距离（默认 400 米，可持续发展目标 11.7.1 (b)）内能到达开放公共空间的人口最多：选择给定数量的地块，或在预算允许范围内尽可能多的地块。距离、入口和城市范围的测算方式与可持续发展目标 11.7.1 (b) 步行可达性完全相同，因此建成所选地块后的覆盖比例即为本工具报告的比例。已由现有公共空间服务的人口不计入任何地块。地块按其精确的新增服务人口贪心选择（有预算时按单位成本的新增人口），规模足够小时还用 HiGHS 求解器精确求解最大覆盖问题；保留较优的解，并报告其与最优解的距离（最优性差距）。输出：按顺序排列的所选地块及每个地块新增的服务人口、服务比例随新增公共空间数量变化的曲线，以及新的可持续发展目标 11.7.1 (b) 值。</translation>
        </message>
        <message>
            <source>Chosen site (number: order)</source>
            <translation>所选地块（数字：顺序）</translation>
        </message>
        <message>
            <source>Chosen sites</source>
            <translation>所选地块</translation>
        </message>
        <message>
            <source>Chosen sites for new public space</source>
            <translation>新增公共空间的所选地块</translation>
        </message>
        <message>
            <source>Cities</source>
            <translation>城市数</translation>
        </message>
        <message>
            <source>Cities and districts</source>
            <translation>城市和区</translation>
        </message>
        <message>
            <source>Cities below the benchmarks</source>
            <translation>低于基准值的城市</translation>
        </message>
        <message>
            <source>Cities by land allocated to streets and public space</source>
            <translation>按街道和公共空间用地比例分列的城市</translation>
        </message>
        <message>
            <source>Cities by share of the population served</source>
            <translation>按可达人口比例分列的城市</translation>
        </message>
        <message>
            <source>Cities compared (latest plan of each)</source>
            <translation>城市比较（各城市的最新规划）</translation>
        </message>
        <message>
            <source>Cities measured</source>
            <translation>已测算的城市</translation>
        </message>
        <message>
            <source>Cities not measured</source>
            <translation>未测算的城市</translation>
        </message>
        <message>
            <source>Cities or municipalities to map the scores on: each gets the scores of its latest assessed plan.</source>
            <translation>用于在地图上显示得分的城市或市镇：每个城市采用其最近一次评估的规划的得分。</translation>
        </message>
        <message>
            <source>Cities with SDG 11.7.1</source>
            <translation>城市的可持续发展目标 11.7.1 结果</translation>
        </message>
        <message>
            <source>City</source>
            <translation>城市</translation>
        </message>
        <message>
            <source>City and streets</source>
            <translation>城市与街道</translation>
        </message>
        <message>
            <source>City name field</source>
            <translation>城市名称字段</translation>
        </message>
        <message>
            <source>City polygons (optional)</source>
            <translation>城市面（可选）</translation>
        </message>
        <message>
            <source>City polygons to map the latest score of each city.</source>
            <translation>用于在地图上显示各城市最新得分的城市多边形。</translation>
        </message>
        <message>
            <source>City reports</source>
            <translation>城市报告</translation>
        </message>
        <message>
            <source>City {0}</source>
            <translation>城市 {0}</translation>
        </message>
        <message>
            <source>City, streets and people</source>
            <translation>城市、街道与人口</translation>
        </message>
        <message>
            <source>City-wide public space assessment</source>
            <translation>全市公共空间评估</translation>
        </message>
        <message>
            <source>City-wide public space assessment (guided)…</source>
            <translation>全市公共空间评估（向导）…</translation>
        </message>
        <message>
            <source>Civic park</source>
            <translation>街心公园</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>Class field of the new roads</source>
            <translation>新建道路的等级字段</translation>
        </message>
        <message>
            <source>Class of the new roads</source>
            <translation>新建道路的等级</translation>
        </message>
        <message>
            <source>Classes by natural breaks of the index; five are named very high to very low.</source>
            <translation>按指数的自然断点分级；五级分别命名为很高至很低。</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Cluster</source>
            <translation>集聚区</translation>
        </message>
        <message>
            <source>Cluster cell size (m)</source>
            <translation>集聚区单元大小（米）</translation>
        </message>
        <message>
            <source>Clusters</source>
            <translation>集聚区</translation>
        </message>
        <message>
            <source>Clusters end at district boundaries</source>
            <translation>集聚区在区边界处截断</translation>
        </message>
        <message>
            <source>Clusters end at district boundaries: each cell belongs to the district holding most of its people.</source>
            <translation>集聚区在区边界处截断：每个单元归属于容纳其大多数人口的区。</translation>
        </message>
        <message>
            <source>Clusters of people not served, by number of people</source>
            <translation>未服务人口集聚区（按人口数）</translation>
        </message>
        <message>
            <source>Clusters with fewer unserved people (first group) are left out of the cluster layer; their people stay among the unserved points.</source>
            <translation>未被服务人口（第一个群体）少于此值的集聚区不列入集聚区图层；其人口仍保留在未被服务人口点中。</translation>
        </message>
        <message>
            <source>Coarse population grid: the cells were {0}.</source>
            <translation>粗分辨率人口栅格：栅格单元已{0}。</translation>
        </message>
        <message>
            <source>Coarser population cells are spread over sub-cells inside the urban extent.</source>
            <translation>较粗的人口栅格单元会分配到城市范围内的子单元。</translation>
        </message>
        <message>
            <source>Coefficient of reproducibility</source>
            <translation>再现性系数</translation>
        </message>
        <message>
            <source>Coefficient of scalability</source>
            <translation>可量表性系数</translation>
        </message>
        <message>
            <source>Coefficient of variation</source>
            <translation>变异系数</translation>
        </message>
        <message>
            <source>Coefficient of variation of {0}</source>
            <translation>{0}的变异系数</translation>
        </message>
        <message>
            <source>Column not in the questionnaire; ignored</source>
            <translation>该列不在问卷中；已忽略</translation>
        </message>
        <message>
            <source>Combined</source>
            <translation>综合</translation>
        </message>
        <message>
            <source>Combined score</source>
            <translation>综合得分</translation>
        </message>
        <message>
            <source>Combines the assessors' scorecards of one or more plans: scores, agreement, strengths and gaps.</source>
            <translation>汇总评估者对一个或多个规划的评分表：得分、一致性、优势与不足。</translation>
        </message>
        <message>
            <source>Combines the scorecards of several assessors for one or more plans (versions over the years, or plans of different cities). For each plan: every criterion's mean, median, range, standard deviation and number of assessors, flagged where assessors are more than one point apart; each theme and the whole plan as a share of the potential score (criteria scored NA with a reason in the comment are left out of the potential; a criterion nobody scored stays in it with no points, so that skipping a criterion never raises a score); a plan quality index in the form of Brody (2003) on a fixed 0 to 10 scale, with the coverage (share of the criteria answered) beside it; and the agreement of the assessors as Krippendorff's alpha (ordinal; 0.8 or more is good, below 0.667 is doubtful) and as percent agreement. The report shows the strengths and gaps, a radar chart of the themes and a comparison of the plans.</source>
            <translation>汇总多位评估者对一个或多个规划（不同年份的版本或不同城市的规划）的评分表。对每个规划：每项标准的平均分、中位数、范围、标准差和评估者人数，并标出评估者评分相差超过一分的标准；每个主题和整个规划的得分占满分的比例（在备注中说明理由的“不适用”标准不计入满分；没有任何人评分的标准仍计入满分但得 0 分，因此跳过某项标准不会提高得分）；Brody（2003）形式的规划质量指数，采用固定的 0 至 10 分尺度，并同时给出覆盖率（已作答标准的比例）；以及以 Krippendorff α 系数（序数尺度；0.8 及以上为良好，低于 0.667 不可靠）和一致百分比表示的评估者一致性。报告显示优势与不足、各主题的雷达图以及规划之间的比较。</translation>
        </message>
        <message>
            <source>Comma-separated highway values that are not walkable (walkable = 0). The default is motorways, trunk roads and their links. An explicit foot=yes, designated or permissive makes a way walkable all the same.</source>
            <translation>不可步行（walkable = 0）的 highway 值，以逗号分隔。默认为高速公路、干线公路及其匝道。明确标注 foot=yes、designated 或 permissive 的道路仍然可步行。</translation>
        </message>
        <message>
            <source>Comma-separated values of the road class field left out of the walking network.</source>
            <translation>从步行网络中排除的道路等级字段取值，以逗号分隔。</translation>
        </message>
        <message>
            <source>Comma-separated values of the road class field left out of the walking network. The default leaves out motorways and trunk roads.</source>
            <translation>从步行网络中排除的道路等级字段值，以逗号分隔。默认排除高速公路和干线公路。</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>意见</translation>
        </message>
        <message>
            <source>Comments</source>
            <translation>意见</translation>
        </message>
        <message>
            <source>Comparison of the plans</source>
            <translation>规划比较</translation>
        </message>
        <message>
            <source>Component</source>
            <translation>分项</translation>
        </message>
        <message>
            <source>Component weights</source>
            <translation>分项权重</translation>
        </message>
        <message>
            <source>Component weights must be numbers separated by commas; got "{0}".</source>
            <translation>分项权重必须是以逗号分隔的数字；实际输入为“{0}”。</translation>
        </message>
        <message>
            <source>Composite development index</source>
            <translation>综合发展指数</translation>
        </message>
        <message>
            <source>Connected pieces of urban extent smaller than this are left out (0 keeps every piece).</source>
            <translation>小于此值的城市范围连通部分不纳入（0 表示保留所有部分）。</translation>
        </message>
        <message>
            <source>Contiguous unserved areas numbered from the most people (1), with their district, area, mean and largest walking distance, people with no space within the search distance, and people by group.</source>
            <translation>连续的未被服务区域，按人口从多到少编号（1 为最多），带有所属区、面积、平均和最大步行距离、搜索距离内没有空间的人口以及各群体人口。</translation>
        </message>
        <message>
            <source>Contributions to the priority score</source>
            <translation>各分项对优先级得分的贡献</translation>
        </message>
        <message>
            <source>Contributions to the priority score of the {0} highest priorities</source>
            <translation>优先级最高的 {0} 个居民点的各分项得分贡献</translation>
        </message>
        <message>
            <source>Corridor distance (m)</source>
            <translation>发展走廊距离（米）</translation>
        </message>
        <message>
            <source>Cost</source>
            <translation>成本</translation>
        </message>
        <message>
            <source>Cost field</source>
            <translation>成本字段</translation>
        </message>
        <message>
            <source>Could not restore {0}: {1}</source>
            <translation>无法恢复 {0}：{1}</translation>
        </message>
        <message>
            <source>Could not use the file {0}: {1}. Nothing was written; earlier outputs are as they were.</source>
            <translation>无法使用文件 {0}：{1}。未写入任何内容；先前的输出保持原样。</translation>
        </message>
        <message>
            <source>Count</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Count a centre's own mass</source>
            <translation>计入中心自身的规模</translation>
        </message>
        <message>
            <source>Count all of them</source>
            <translation>全部计入</translation>
        </message>
        <message>
            <source>Count none of them</source>
            <translation>全部不计入</translation>
        </message>
        <message>
            <source>Count them, except cemeteries and school grounds</source>
            <translation>计入，但墓地和学校场地除外</translation>
        </message>
        <message>
            <source>Counted public space area (ha)</source>
            <translation>计入的公共空间面积（公顷）</translation>
        </message>
        <message>
            <source>Counted public spaces</source>
            <translation>计入的公共空间数</translation>
        </message>
        <message>
            <source>Counted spaces per district and type: number, area, share of the district area and m² per inhabitant.</source>
            <translation>按区和类型统计的计入空间：数量、面积、占区面积的比例和人均面积（平方米）。</translation>
        </message>
        <message>
            <source>Counts of settlements within each isochrone band of the nearest centre of the level or a more central one; the mean and median are over the settlements with a travel time.</source>
            <translation>位于该等级或更高等级最近中心各等时线带以内的居民点个数；平均值和中位数按有出行时间的居民点计算。</translation>
        </message>
        <message>
            <source>Coverage (criteria answered)</source>
            <translation>覆盖率（已作答的标准）</translation>
        </message>
        <message>
            <source>Criteria reaching the score</source>
            <translation>达到分数的标准</translation>
        </message>
        <message>
            <source>Criteria the assessors disagree on (more than one point apart), with their comments</source>
            <translation>评估者意见不一致的标准（相差超过一分）及其意见</translation>
        </message>
        <message>
            <source>Criterion</source>
            <translation>标准</translation>
        </message>
        <message>
            <source>Criterion {0} of {1}</source>
            <translation>标准 {0}/{1}</translation>
        </message>
        <message>
            <source>Dask</source>
            <translation>Dask</translation>
        </message>
        <message>
            <source>Dask dashboard: {0}</source>
            <translation>Dask 仪表板：{0}</translation>
        </message>
        <message>
            <source>Dask scheduler address (optional)</source>
            <translation>Dask 调度器地址（可选）</translation>
        </message>
        <message>
            <source>Default speed (km/h)</source>
            <translation>默认速度（公里/小时）</translation>
        </message>
        <message>
            <source>Default street width (m)</source>
            <translation>默认街道宽度（米）</translation>
        </message>
        <message>
            <source>Default widths</source>
            <translation>使用默认值的宽度数</translation>
        </message>
        <message>
            <source>Dependants</source>
            <translation>依赖人口</translation>
        </message>
        <message>
            <source>Dependants by population group</source>
            <translation>按人口群体的依赖人口</translation>
        </message>
        <message>
            <source>Derived from the scalogram: a function is expected at a level when at least {0} % of its settlements have it, and at every more central level too.</source>
            <translation>由功能等级表推导：某一等级中至少 {0} % 的居民点具有的功能即为该等级的应有功能，也是所有更高中心等级的应有功能。</translation>
        </message>
        <message>
            <source>Development corridors (lines, optional)</source>
            <translation>发展走廊（线，可选）</translation>
        </message>
        <message>
            <source>Development index</source>
            <translation>发展指数</translation>
        </message>
        <message>
            <source>Development index field</source>
            <translation>发展指数字段</translation>
        </message>
        <message>
            <source>Dimension</source>
            <translation>维度</translation>
        </message>
        <message>
            <source>Dimension scores per space (0–100)</source>
            <translation>各空间的维度得分（0–100）</translation>
        </message>
        <message>
            <source>Dimension weights</source>
            <translation>维度权重</translation>
        </message>
        <message>
            <source>Dimensions after the city-wide public space assessment guide (UN-Habitat 2020). No official scoring rule is published: each scored answer counts 0 to 1 as the questionnaire declares (counts of women and men, and of age groups, as Pielou's evenness), each question is averaged over the submissions of a space and each dimension is the mean of its questions. The quality index is the weighted mean of the dimensions, given only when every weighted dimension has answers.</source>
            <translation>维度依据《全市公共空间盘点和评估指南》（联合国人居署 2020）。官方未发布评分规则：每个计分答案按问卷的声明计 0 至 1 分（女性与男性人数、各年龄组人数按 Pielou 均匀度计），每个问题在一个空间的所有提交记录上取平均，每个维度为其问题的平均值。质量指数为各维度的加权平均值，仅当每个有权重的维度都有答案时才给出。</translation>
        </message>
        <message>
            <source>Disconnected parts of the street network</source>
            <translation>街道网络中互不连通的部分数</translation>
        </message>
        <message>
            <source>Distance decay (Hansen)</source>
            <translation>距离衰减函数（Hansen）</translation>
        </message>
        <message>
            <source>Distance decay β</source>
            <translation>距离衰减 β</translation>
        </message>
        <message>
            <source>Distance kept from existing spaces (m)</source>
            <translation>与现有公共空间保持的距离（米）</translation>
        </message>
        <message>
            <source>Distribution of cities</source>
            <translation>城市分布</translation>
        </message>
        <message>
            <source>District</source>
            <translation>区</translation>
        </message>
        <message>
            <source>District field</source>
            <translation>区字段</translation>
        </message>
        <message>
            <source>District name field</source>
            <translation>区名称字段</translation>
        </message>
        <message>
            <source>District polygons, in a file: each city's numbers are also given per district (clipped to its urban extent) in a second table and on the city reports.</source>
            <translation>区多边形（保存在文件中）：每个城市的结果还按区（裁剪至其城市范围）列于第二张表和各城市报告中。</translation>
        </message>
        <message>
            <source>District scorecard</source>
            <translation>区评分表</translation>
        </message>
        <message>
            <source>District scorecard (table)</source>
            <translation>区评分表（表）</translation>
        </message>
        <message>
            <source>District scorecard 2024</source>
            <translation>2024 年区评分表</translation>
        </message>
        <message>
            <source>District {0}</source>
            <translation>区 {0}</translation>
        </message>
        <message>
            <source>Districts</source>
            <translation>区</translation>
        </message>
        <message>
            <source>Districts (optional)</source>
            <translation>区（可选）</translation>
        </message>
        <message>
            <source>Districts (polygons)</source>
            <translation>区（面）</translation>
        </message>
        <message>
            <source>Districts or wards for a row each in the table (measured inside the urban extent).</source>
            <translation>区或街区，每个在表中占一行（在城市范围内计算）。</translation>
        </message>
        <message>
            <source>Districts or wards for the summary table; people are counted in the district that holds them.</source>
            <translation>用于汇总表的区或街区；人口计入其所在的区。</translation>
        </message>
        <message>
            <source>Districts or wards: each space gets the district it overlaps most; the summary has a row set per district.</source>
            <translation>区或街区：每个空间归入与其重叠最多的区；汇总表中每个区各有一组行。</translation>
        </message>
        <message>
            <source>Districts or wards: each space gets the district that holds it, and the report counts the residents of each district by the kind of space they depend on.</source>
            <translation>区或街区：每个空间获得其所在的区，报告按居民所依赖的空间类型统计每个区的居民。</translation>
        </message>
        <message>
            <source>Districts or wards: the unserved people of each, and the district of each point and cluster.</source>
            <translation>区或街道辖区：每个区的未被服务人口，以及每个点和集聚区所属的区。</translation>
        </message>
        <message>
            <source>Districts with SDG 11.7.1</source>
            <translation>各区的可持续发展目标 11.7.1</translation>
        </message>
        <message>
            <source>Dominant centre</source>
            <translation>主导中心</translation>
        </message>
        <message>
            <source>Dominant centre by</source>
            <translation>主导中心判定方法</translation>
        </message>
        <message>
            <source>Done: {0} layers added to the group "{1}".</source>
            <translation>完成：已将 {0} 个图层添加到组“{1}”。</translation>
        </message>
        <message>
            <source>Duplicate overlap (%)</source>
            <translation>重复判定重叠比例（%）</translation>
        </message>
        <message>
            <source>Duplicate submission (same _uuid as an earlier row); left out</source>
            <translation>重复提交（_uuid 与前面某行相同）；已排除</translation>
        </message>
        <message>
            <source>Duplicates merged</source>
            <translation>合并的重复要素数</translation>
        </message>
        <message>
            <source>ESA WorldCover land cover (class 50 = built-up)</source>
            <translation>ESA WorldCover 土地覆盖（类别 50 = 建成区）</translation>
        </message>
        <message>
            <source>Each answer counts 0 to 1 as the questionnaire declares; a dimension is the mean of its questions, 0 to 100; no official scoring rule is published (city-wide public space assessment guide, 2020).</source>
            <translation>每个答案按问卷的声明计 0 至 1 分；维度为其问题的平均值，0 至 100；官方未发布评分规则（《全市公共空间评估指南》，2020）。</translation>
        </message>
        <message>
            <source>Each city was measured as the single-city tools measure it, on the inputs clipped to its urban extent plus the walking distance: SDG 11.7.1 (a), the share of the urban extent in streets and open public space, and 11.7.1 (b), the share of the population within walking distance of an open public space along the street network, for every population group. National figures count only the measured cities: the share served is weighted by population, the land share by area.</source>
            <translation>每个城市均按单城市工具的方法测算，输入数据裁剪到其城市范围外加步行距离：可持续发展目标 11.7.1 (a)，即城市范围内街道和开放公共空间所占比例；以及 11.7.1 (b)，即沿街道网络在开放公共空间步行距离以内的人口比例，按每个人口群体分别计算。全国数值只计入已测算的城市：可达比例按人口加权，用地比例按面积加权。</translation>
        </message>
        <message>
            <source>Each cluster lies in one district (a cell belongs to the district holding most of its people), so that each is one district's to act on. Turn off for clusters across districts.</source>
            <translation>每个集聚区位于一个区内（单元归属于容纳其大多数人口的区），使每个集聚区都由一个区负责处理。关闭此项可得到跨区的集聚区。</translation>
        </message>
        <message>
            <source>Each column after the priority is that component's contribution; together they make the priority score.</source>
            <translation>优先级之后的每一列是相应分项的贡献；各分项贡献之和即为优先级得分。</translation>
        </message>
        <message>
            <source>Each district's indicators beside the whole city and the benchmarks: open public space and streets as shares of the district's urban area (SDG 11.7.1 (a)), the people within walking distance of an open public space (SDG 11.7.1 (b)), the quality survey, the spaces chosen for upgrading and the unserved clusters. One page per district follows.</source>
            <translation>各区指标与全市及基准对照：开放公共空间和街道占该区城市用地的比例（可持续发展目标 11.7.1 (a)）、步行距离内可达开放公共空间的人口比例（可持续发展目标 11.7.1 (b)）、质量调查、需升级的公共空间和未服务人口集聚区。其后每区一页。</translation>
        </message>
        <message>
            <source>Each row of the expected functions needs a level and its functions.</source>
            <translation>应有功能表的每一行都需要一个等级及其功能。</translation>
        </message>
        <message>
            <source>Each settlement counts once (no population given).</source>
            <translation>每个居民点计一次（未提供人口）。</translation>
        </message>
        <message>
            <source>Each settlement's level, travel times, accessibility, lacking functions and priority in the baseline and the scenario, with the minutes gained.</source>
            <translation>每个居民点在基线和情景中的等级、出行时间、可达性、缺少的功能和优先级，以及缩短的分钟数。</translation>
        </message>
        <message>
            <source>Each street's width is its measured width when it is readable and between 1.5 and 80 m, else the width of its road class in the table, else the default width ({0} m).</source>
            <translation>每条街道的宽度：实测宽度可识别且在 1.5 至 80 米之间时使用实测宽度，否则使用表中其道路等级的宽度，否则使用默认宽度（{0} 米）。</translation>
        </message>
        <message>
            <source>Each surveyed public space is scored for upgrading from its quality index and the people who depend on it: those whose nearest space it is along the street network, within {0} m walking distance.</source>
            <translation>每个已调查的公共空间根据其质量指数和依赖它的人口进行升级评分：依赖人口是指沿街道网络在 {0} 米步行距离内离其最近的空间为该空间的人。</translation>
        </message>
        <message>
            <source>Each urban extent coloured by the share of its population within walking distance of an open public space; the {0} largest cities are named. Small cities are also shown as dots.</source>
            <translation>每个城市范围按其在开放公共空间步行距离以内的人口比例着色；标注了最大的 {0} 个城市的名称。小城市同时以圆点显示。</translation>
        </message>
        <message>
            <source>Earlier population field of the places</source>
            <translation>地点的较早人口字段</translation>
        </message>
        <message>
            <source>Earlier scorecard (optional)</source>
            <translation>之前的评分表（可选）</translation>
        </message>
        <message>
            <source>Empty: all dimensions weigh the same, e.g. safety=2 to double one.</source>
            <translation>留空：所有维度权重相同；例如 safety=2 使某一维度权重加倍。</translation>
        </message>
        <message>
            <source>Empty: the built-in framework of 14 themes.</source>
            <translation>留空：使用包含 14 个主题的内置框架。</translation>
        </message>
        <message>
            <source>Empty: the built-in questionnaire the survey form was made from.</source>
            <translation>留空：使用生成调查表的内置问卷。</translation>
        </message>
        <message>
            <source>Entrances along streets</source>
            <translation>沿街道的入口</translation>
        </message>
        <message>
            <source>Entry tolerance (m)</source>
            <translation>入口容差（米）</translation>
        </message>
        <message>
            <source>Every candidate site is smaller than the minimum size of {0} m²: lower the minimum size or give larger sites.</source>
            <translation>每个候选地块都小于最小面积 {0} 平方米：请降低最小面积或提供更大的地块。</translation>
        </message>
        <message>
            <source>Every cell's class: urban, suburban or rural built-up; fringe, captured or rural open space.</source>
            <translation>每个像元的类别：城市、郊区或乡村建成区；边缘、被包围或乡村开放空间。</translation>
        </message>
        <message>
            <source>Every centre needs a mass above 0 in the field {0}; these have none: {1}</source>
            <translation>每个中心在字段 {0} 中的规模值都必须大于 0；以下中心没有：{1}</translation>
        </message>
        <message>
            <source>Every city</source>
            <translation>全部城市</translation>
        </message>
        <message>
            <source>Every input feature with its category, whether it counts and why not, area, size class and district.</source>
            <translation>每个输入要素及其类别、是否计入及不计入的原因、面积、规模等级和所属区。</translation>
        </message>
        <message>
            <source>Every populated cell or feature not served, with its district, walking distance to the nearest space (empty when none is within the search distance), cluster (-1 in none) and people by group.</source>
            <translation>每个未被服务的有人口单元或要素，带有其所属区、到最近空间的步行距离（搜索距离内没有空间时为空）、所属集聚区（不属于任何集聚区时为 -1）以及各群体人口。</translation>
        </message>
        <message>
            <source>Every road needs a speed above 0 km/h.</source>
            <translation>每条道路的速度都必须大于 0 公里/小时。</translation>
        </message>
        <message>
            <source>Every row and column of the export was used.</source>
            <translation>导出文件的每一行和每一列均已使用。</translation>
        </message>
        <message>
            <source>Every row, answer and column of the export that could not be used, with the reason.</source>
            <translation>导出文件中无法使用的每一行、每个答案和每一列及其原因。</translation>
        </message>
        <message>
            <source>Every settlement has the functions expected at its level.</source>
            <translation>每个居民点都具有其等级的应有功能。</translation>
        </message>
        <message>
            <source>Every settlement is in the same class by all three classings.</source>
            <translation>每个居民点在三种分级中的等级都相同。</translation>
        </message>
        <message>
            <source>Every settlement must be joined to the road network.</source>
            <translation>每个居民点都必须接入道路网络。</translation>
        </message>
        <message>
            <source>Every settlement needs a hierarchy level (0: none).</source>
            <translation>每个居民点都需要一个等级（0：无）。</translation>
        </message>
        <message>
            <source>Every space has a quality index.</source>
            <translation>每个空间都有质量指数。</translation>
        </message>
        <message>
            <source>Every space in ranking order: id, name, district, whether it was surveyed, quality index, its two weakest dimensions, dependants in total and per population group (dep_…), the need and people points, the priority and the rank.</source>
            <translation>按排名顺序列出每个空间：编号、名称、区、是否已调查、质量指数、两个最弱维度、依赖人口总数及各人口群体的依赖人口（dep_…）、需求得分和人口得分、优先级以及排名。</translation>
        </message>
        <message>
            <source>Every street segment with the walking distance from its nearer end to the nearest public space (empty beyond twice the walking distance). Skip it in batch runs that need only the numbers.</source>
            <translation>每个街道路段及其较近端点到最近公共空间的步行距离（超过步行距离两倍时为空）。只需要数值结果的批处理运行可以跳过此输出。</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>依据</translation>
        </message>
        <message>
            <source>Evidence (page or section of the plan)</source>
            <translation>依据（规划的页码或章节）</translation>
        </message>
        <message>
            <source>Exact solution when the problem is small enough</source>
            <translation>问题规模足够小时求精确解</translation>
        </message>
        <message>
            <source>Exact solver: {0} ({1} site-population pairs); it found {2} people, the greedy choice {3}.</source>
            <translation>精确求解器：{0}（{1} 个地块-人口对）；其结果为 {2} 人，贪心选择为 {3} 人。</translation>
        </message>
        <message>
            <source>Excel files (*.xlsx)</source>
            <translation>Excel 文件 (*.xlsx)</translation>
        </message>
        <message>
            <source>Existing open public spaces (optional)</source>
            <translation>现有开放公共空间（可选）</translation>
        </message>
        <message>
            <source>Expected functions</source>
            <translation>应有功能</translation>
        </message>
        <message>
            <source>Expected functions by level</source>
            <translation>各等级应有功能</translation>
        </message>
        <message>
            <source>Exponential, exp(−β·minutes)</source>
            <translation>指数函数，exp(−β·分钟)</translation>
        </message>
        <message>
            <source>Facilities</source>
            <translation>设施</translation>
        </message>
        <message>
            <source>Facilities (points)</source>
            <translation>设施（点）</translation>
        </message>
        <message>
            <source>Facilities and roads</source>
            <translation>设施与道路</translation>
        </message>
        <message>
            <source>Facilities of the scenario (points)</source>
            <translation>情景设施（点）</translation>
        </message>
        <message>
            <source>Facilities of the scenario are</source>
            <translation>情景设施的处理方式</translation>
        </message>
        <message>
            <source>Facilities of the scenario need the baseline's functions as facility points, not columns.</source>
            <translation>使用情景设施时，基线的功能必须以设施点而非字段的形式提供。</translation>
        </message>
        <message>
            <source>Facility points (schools, health centres, markets, banks…). Give these or function columns.</source>
            <translation>设施点（学校、卫生中心、市场、银行……）。请提供设施点或功能字段之一。</translation>
        </message>
        <message>
            <source>Facility search distance (m)</source>
            <translation>设施搜索距离（米）</translation>
        </message>
        <message>
            <source>Features with population counts, such as census blocks or buildings, in a file. A polygon's people are spread evenly over points 50 m apart inside it.</source>
            <translation>带有人口数量的要素（如人口普查街区或建筑），保存在文件中。多边形内的人口平均分配到其内部间隔 50 米的点上。</translation>
        </message>
        <message>
            <source>Features with population counts, such as census blocks or buildings.</source>
            <translation>带有人口数的要素，例如普查街区或建筑物。</translation>
        </message>
        <message>
            <source>Features with population counts, such as census blocks or buildings. A polygon's people are spread evenly over points 50 m apart inside it.</source>
            <translation>带有人口数量的要素，例如普查街区或建筑。面要素中的人口均匀分配到其内部间距 50 米的各点上。</translation>
        </message>
        <message>
            <source>Fee field</source>
            <translation>收费字段</translation>
        </message>
        <message>
            <source>Field naming the candidate sites in the log and the report; the feature id when empty.</source>
            <translation>在日志和报告中为候选地块命名的字段；为空时使用要素编号。</translation>
        </message>
        <message>
            <source>Field of the facilities naming their function; each distinct value is a function.</source>
            <translation>说明设施功能的字段；每个不同的取值是一种功能。</translation>
        </message>
        <message>
            <source>Field of the streets with the road class (OSM highway values such as motorway or residential), to leave out the classes below. A field named walkable with 0 leaves a street out as well.</source>
            <translation>街道的道路等级字段（OSM highway 值，如 motorway 或 residential），用于排除下列等级。名为 walkable 且值为 0 的字段同样会排除该街道。</translation>
        </message>
        <message>
            <source>Field of the streets with the road class, to leave out the classes below (as walking access does). A field named walkable with 0 leaves a street out as well.</source>
            <translation>街道的道路等级字段，用于排除下列等级（与步行可达性相同）。名为 walkable 且值为 0 的字段同样会排除该街道。</translation>
        </message>
        <message>
            <source>Field of the streets with the road class, to leave out the classes below. A field named walkable with 0 leaves a street out as well.</source>
            <translation>街道图层中表示道路等级的字段，用于排除下列等级。名为 walkable 且值为 0 的字段也会排除该街道。</translation>
        </message>
        <message>
            <source>Field whose values say what each space is (park, square, private garden…).</source>
            <translation>说明每个空间性质的字段（公园、广场、私家花园……）。</translation>
        </message>
        <message>
            <source>Field with a unique id per space; the quality scoring links submissions to spaces by it.</source>
            <translation>每个空间具有唯一编号的字段；质量评分据此将提交记录关联到空间。</translation>
        </message>
        <message>
            <source>Field with the 0-100 quality index; quality_index (as Public space quality from a survey writes it) when empty. Spaces where it is empty count as not surveyed.</source>
            <translation>存放 0-100 质量指数的字段；为空时使用 quality_index（“基于调查的公共空间质量”写出的字段）。该字段为空的空间视为未调查。</translation>
        </message>
        <message>
            <source>Field with the city names used in the scorecards.</source>
            <translation>包含评分表中所用城市名称的字段。</translation>
        </message>
        <message>
            <source>Field with the city names, for one row per city; the feature id when empty.</source>
            <translation>城市名称字段，用于每个城市输出一行；留空时使用要素 ID。</translation>
        </message>
        <message>
            <source>Field with the city names; the feature id when empty.</source>
            <translation>城市名称字段；留空时使用要素编号。</translation>
        </message>
        <message>
            <source>Field with the district names used in the table; the feature id when empty.</source>
            <translation>表中使用的区名称字段；留空时使用要素编号。</translation>
        </message>
        <message>
            <source>Field with the district names. Next year's scorecard is matched to this one by these names.</source>
            <translation>包含区名称的字段。下一年的评分表按这些名称与本期匹配。</translation>
        </message>
        <message>
            <source>Field with the district names; the feature id when empty.</source>
            <translation>区名称字段；留空时使用要素编号。</translation>
        </message>
        <message>
            <source>Field with the district of each space (the inventory has one), to compare the quality of the districts.</source>
            <translation>各空间所在区的字段（盘点结果中有此字段），用于比较各区的质量。</translation>
        </message>
        <message>
            <source>Field with the place names.</source>
            <translation>包含地名的字段。</translation>
        </message>
        <message>
            <source>Field with the space ids used in the survey form.</source>
            <translation>调查表中所用空间编号的字段。</translation>
        </message>
        <message>
            <source>Field with the space ids; the feature id when empty.</source>
            <translation>空间编号所在的字段；为空时使用要素编号。</translation>
        </message>
        <message>
            <source>Field with the space names shown next to the ids in the list.</source>
            <translation>列表中显示在编号旁的空间名称字段。</translation>
        </message>
        <message>
            <source>Field with the space names, for the ranking; the space id when empty.</source>
            <translation>空间名称所在的字段，用于排名；为空时使用空间编号。</translation>
        </message>
        <message>
            <source>Field with the space names, for the report.</source>
            <translation>空间名称字段，用于报告。</translation>
        </message>
        <message>
            <source>Find entrances anywhere along a street beside a space, not only at street vertices.</source>
            <translation>在空间旁的街道沿线任何位置寻找入口，而不仅限于街道顶点。</translation>
        </message>
        <message>
            <source>Find entrances anywhere along a street beside a space, not only at street vertices. Turn off only to compare with tools that use vertices alone.</source>
            <translation>在公共空间旁街道的任意位置寻找入口，而不仅限于街道顶点。仅在需要与只使用顶点的工具比较时关闭。</translation>
        </message>
        <message>
            <source>For display: roads reachable from a centre within each band, widened by 200 m.</source>
            <translation>用于显示：在各时间带内可从中心到达的道路，两侧各扩展 200 米。</translation>
        </message>
        <message>
            <source>For display: the streets reachable within the walking distance, widened by 25 m.</source>
            <translation>用于显示：在步行距离内可到达的街道，两侧各扩展 25 米。</translation>
        </message>
        <message>
            <source>For each indicator, its weight lowered and raised by 20 %: the mean and largest change of rank.</source>
            <translation>每个指标的权重下调和上调 20 % 时排名的平均变化和最大变化。</translation>
        </message>
        <message>
            <source>For each plan and criterion: mean, median, minimum, maximum, standard deviation, number of assessors and whether they disagree by more than one point.</source>
            <translation>每个规划和标准的平均分、中位数、最小值、最大值、标准差、评估者人数，以及评分是否相差超过一分。</translation>
        </message>
        <message>
            <source>For each plan and theme: the share of the potential score and the Brody-form quality score.</source>
            <translation>每个规划和主题的得分占满分比例以及 Brody 形式的质量得分。</translation>
        </message>
        <message>
            <source>For each plan: assessors, overall share of the potential score, plan quality index, Krippendorff's alpha and percent agreement.</source>
            <translation>每个规划的评估者人数、总得分占满分比例、规划质量指数、Krippendorff α 系数和一致百分比。</translation>
        </message>
        <message>
            <source>For settlement points: a facility belongs to the nearest settlement within this distance.</source>
            <translation>对于居民点（点）：设施归属于此距离内最近的居民点。</translation>
        </message>
        <message>
            <source>For shares, percentages and GHSL surface: a cell at least this much built-up is a built-up cell (classified urban, suburban or rural); the others are open space. The density in the circle always uses the shares themselves.</source>
            <translation>对于比例、百分比和 GHSL 面积：建成区比例不低于此值的像元为建成区像元（分为城市、郊区或乡村）；其余为开放空间。圆内密度始终使用比例本身计算。</translation>
        </message>
        <message>
            <source>Form version differs from the questionnaire; scored where the questions match</source>
            <translation>表单版本与问卷不同；问题一致之处照常计分</translation>
        </message>
        <message>
            <source>Form {0} version {1}: {2} questions, {3} scores in {4} dimensions{5}.</source>
            <translation>表单 {0}，版本 {1}：{2} 个问题，{4} 个维度中的 {3} 项得分{5}。</translation>
        </message>
        <message>
            <source>Fourth fifth</source>
            <translation>第四个五分之一</translation>
        </message>
        <message>
            <source>Framework…</source>
            <translation>评估框架…</translation>
        </message>
        <message>
            <source>Fringe open space</source>
            <translation>边缘开放空间</translation>
        </message>
        <message>
            <source>Fringe open space within (m)</source>
            <translation>边缘开放空间范围（米）</translation>
        </message>
        <message>
            <source>From measurement to action in one go: the inventory decides which spaces count; then who is not served and where (unserved people by group, clusters, districts), where new public space helps most (the candidate sites chosen to serve the most people not yet served), which existing spaces to upgrade first (quality from the survey and the people who depend on each space), and a scorecard per district for the public space strategy, with the change since an earlier scorecard when one is given.</source>
            <translation>一次完成从测算到行动：由盘点确定哪些空间计入；然后分析哪些人未被服务、位于何处（按人群、集聚区和区统计的未服务人口），新增公共空间在哪里作用最大（选出能服务最多尚未被服务人口的候选地块），哪些现有空间应优先升级（基于调查得到的质量以及依赖各空间的人口），并为公共空间策略生成各区评分表；给出之前的评分表时，同时显示其后的变化。</translation>
        </message>
        <message>
            <source>From the assessment to the strategy: who is not served and where, which candidate sites would serve the most people, which spaces to upgrade first, and a scorecard per district.</source>
            <translation>从评估到策略：哪些人未被服务、位于何处，哪些候选地块能服务最多的人，哪些空间应优先升级，以及各区的评分表。</translation>
        </message>
        <message>
            <source>Function</source>
            <translation>功能</translation>
        </message>
        <message>
            <source>Function columns</source>
            <translation>功能字段</translation>
        </message>
        <message>
            <source>Function field</source>
            <translation>功能字段</translation>
        </message>
        <message>
            <source>Function gaps</source>
            <translation>功能缺口</translation>
        </message>
        <message>
            <source>Function gaps of settlements</source>
            <translation>居民点功能缺口</translation>
        </message>
        <message>
            <source>Functional analysis (scalogram) and settlement hierarchy</source>
            <translation>功能分析（功能等级表）与居民点等级</translation>
        </message>
        <message>
            <source>Functional analysis and settlement hierarchy</source>
            <translation>功能分析与居民点等级</translation>
        </message>
        <message>
            <source>Functions</source>
            <translation>功能数</translation>
        </message>
        <message>
            <source>Functions lacking</source>
            <translation>缺少的功能数</translation>
        </message>
        <message>
            <source>GHSL</source>
            <translation>GHSL</translation>
        </message>
        <message>
            <source>GHSL built-up surface (m² per cell)</source>
            <translation>GHSL 建成区面积（每像元平方米）</translation>
        </message>
        <message>
            <source>GPS point far from the chosen space; the space id was used</source>
            <translation>GPS 点距所选空间较远；已采用空间编号</translation>
        </message>
        <message>
            <source>GPS point not inside or near any space; not linked</source>
            <translation>GPS 点不在任何空间内或附近；未关联</translation>
        </message>
        <message>
            <source>GPS tolerance (m)</source>
            <translation>GPS 容差（米）</translation>
        </message>
        <message>
            <source>GPS value cannot be read</source>
            <translation>无法读取 GPS 值</translation>
        </message>
        <message>
            <source>Gaps</source>
            <translation>不足</translation>
        </message>
        <message>
            <source>Gaps by function</source>
            <translation>各功能的缺口</translation>
        </message>
        <message>
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage (*.gpkg)</translation>
        </message>
        <message>
            <source>Geometric (poor scores not compensated)</source>
            <translation>几何汇总（低分不被抵消）</translation>
        </message>
        <message>
            <source>Geometric aggregation needs min-max normalisation (z-scores can be negative).</source>
            <translation>几何汇总需要使用极差标准化（z 分数可能为负）。</translation>
        </message>
        <message>
            <source>Gini coefficient</source>
            <translation>基尼系数</translation>
        </message>
        <message>
            <source>Gini coefficient of {0}</source>
            <translation>{0}的基尼系数</translation>
        </message>
        <message>
            <source>Give 0, 1, 2, 3 or NA.</source>
            <translation>请填写 0、1、2、3 或 NA（不适用）。</translation>
        </message>
        <message>
            <source>Give at least one scorecard.</source>
            <translation>请至少提供一份评分表。</translation>
        </message>
        <message>
            <source>Give at most {0} bands for {1}; got {2}.</source>
            <translation>{1}最多 {0} 个；实际给出 {2} 个。</translation>
        </message>
        <message>
            <source>Give exactly one population input: a population grid or a population layer.</source>
            <translation>请只提供一种人口输入：人口栅格或人口图层。</translation>
        </message>
        <message>
            <source>Give one centrality and one development value per settlement.</source>
            <translation>请为每个居民点提供一个中心性值和一个发展值。</translation>
        </message>
        <message>
            <source>Give one group per value.</source>
            <translation>每个值需要对应一个分组。</translation>
        </message>
        <message>
            <source>Give one weight per indicator, none negative and not all zero.</source>
            <translation>请为每个指标提供一个权重，不能为负，也不能全部为零。</translation>
        </message>
        <message>
            <source>Give one weight per value.</source>
            <translation>每个值需要对应一个权重。</translation>
        </message>
        <message>
            <source>Give the functions either as facility points or as function columns, not both or none.</source>
            <translation>请以设施点或功能字段之一提供功能，不能两者都提供或都不提供。</translation>
        </message>
        <message>
            <source>Give the number of new public spaces, a budget, or both.</source>
            <translation>请给出新增公共空间的数量、预算，或两者。</translation>
        </message>
        <message>
            <source>Give the plan name and the assessor before saving.</source>
            <translation>保存前请填写规划名称和评估者。</translation>
        </message>
        <message>
            <source>Give the scenario's new or upgraded roads, its facilities, or both: otherwise nothing changes.</source>
            <translation>请提供情景的新建或升级道路、情景设施，或两者都提供：否则不会有任何变化。</translation>
        </message>
        <message>
            <source>Give the streets either as centre-lines or as street polygons, not both or none.</source>
            <translation>请以中心线或街道面之一提供街道，不能两者都提供或都不提供。</translation>
        </message>
        <message>
            <source>Give {0} component weights, none negative; got "{1}".</source>
            <translation>请提供 {0} 个分项权重，均不能为负；实际输入为“{1}”。</translation>
        </message>
        <message>
            <source>Give {0} weights, one per indicator; got {1}.</source>
            <translation>请提供 {0} 个权重，每个指标一个；实际为 {1} 个。</translation>
        </message>
        <message>
            <source>Given in the table of expected functions; a more central level also expects what a less central one does.</source>
            <translation>由应有功能表给定；较高中心等级同样应具有较低等级的应有功能。</translation>
        </message>
        <message>
            <source>Group field (district)</source>
            <translation>分组字段（区）</translation>
        </message>
        <message>
            <source>Groups of settlements, e.g. districts, for the regional balance of the report: the inequality of access between and within the groups. By hierarchy level when empty.</source>
            <translation>居民点的分组（例如区），用于报告中的区域均衡：组间和组内的可达性不平等。为空时按等级分组。</translation>
        </message>
        <message>
            <source>HTML files (*.html);;PDF files (*.pdf)</source>
            <translation>HTML 文件 (*.html);;PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>Habitat Planning</source>
            <translation>人居规划</translation>
        </message>
        <message>
            <source>Habitat Planning Toolkit {0}, QGIS {1}</source>
            <translation>人居规划工具包 {0}，QGIS {1}</translation>
        </message>
        <message>
            <source>Habitat Planning workshop</source>
            <translation>人居规划培训</translation>
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
            <source>Half-life (min)</source>
            <translation>半衰时间（分钟）</translation>
        </message>
        <message>
            <source>Hansen</source>
            <translation>Hansen</translation>
        </message>
        <message>
            <source>Hansen (1959): A_i = Σ_j M_j^γ f(c_ij), the mass of the centres discounted by the network travel time c_ij. The default is the negative exponential f = exp(−β·c) with a half-life of 30 minutes (β = ln 2 / 30 ≈ 0.0231 per minute: a centre 30 minutes away counts half), a centre's own mass included. This is a planning choice: there is no universal β; calibrate it on local trip data when available. The negative exponential is recommended for regional travel-time accessibility by Geurs &amp; van Wee (2004), "Accessibility evaluation of land-use and transport strategies: review and research directions", Journal of Transport Geography 12(2): 127–140. The power decay c^−β (β = 2, gravity) is the alternative. The accessibility index rescales the Hansen values to 0–100 on a logarithmic scale, since they span orders of magnitude.</source>
            <translation>Hansen（1959）：A_i = Σ_j M_j^γ f(c_ij)，即各中心的规模按网络出行时间 c_ij 折减。默认采用负指数函数 f = exp(−β·c)，半衰时间为 30 分钟（β = ln 2 / 30 ≈ 每分钟 0.0231：30 分钟外的中心按一半计），并计入中心自身的规模。这是一项规划选择：不存在通用的 β；如有本地出行数据，应据此校准。Geurs 和 van Wee（2004）“Accessibility evaluation of land-use and transport strategies: review and research directions”，Journal of Transport Geography 12(2): 127–140，推荐在区域出行时间可达性中采用负指数函数。幂函数衰减 c^−β（β = 2，引力模型）为备选。由于 Hansen 值跨越多个数量级，可达性指数以对数尺度将其换算为 0–100。</translation>
        </message>
        <message>
            <source>Hansen accessibility</source>
            <translation>Hansen 可达性</translation>
        </message>
        <message>
            <source>Hansen accessibility with exponential decay exp(−β·minutes), β = {0} per minute (half weight at {1} minutes){2}.</source>
            <translation>Hansen 可达性采用指数衰减 exp(−β·分钟)，β = 每分钟 {0}（{1} 分钟处权重减半）{2}。</translation>
        </message>
        <message>
            <source>Hansen accessibility with exponential decay exp(−β·minutes); 0.0231 halves a centre's weight every 30 minutes.</source>
            <translation>Hansen 可达性采用指数衰减 exp(−β·分钟)；0.0231 表示中心的权重每 30 分钟减半。</translation>
        </message>
        <message>
            <source>Hansen accessibility with power decay minutes^−β, β = {0}{1}.</source>
            <translation>Hansen 可达性采用幂函数衰减 分钟^−β，β = {0}{1}。</translation>
        </message>
        <message>
            <source>Hierarchy by development and centrality</source>
            <translation>按发展水平和中心性划分的等级体系</translation>
        </message>
        <message>
            <source>Hierarchy classification</source>
            <translation>等级划分方法</translation>
        </message>
        <message>
            <source>Hierarchy from the scalogram and Rondinelli's centrality; indicators normalised as in the OECD/JRC handbook; travel times on the road network.</source>
            <translation>等级体系来自功能等级表和 Rondinelli 中心性；指标按经合组织/联合研究中心手册标准化；出行时间基于道路网络。</translation>
        </message>
        <message>
            <source>Hierarchy level field</source>
            <translation>等级字段</translation>
        </message>
        <message>
            <source>Hierarchy level of each settlement, 1 being the most central.</source>
            <translation>每个居民点的等级，1 为中心性最高。</translation>
        </message>
        <message>
            <source>Hierarchy thresholds must be increasing centrality values.</source>
            <translation>等级阈值必须是递增的中心性数值。</translation>
        </message>
        <message>
            <source>Hierarchy thresholds must be increasing centrality values; got "{0}".</source>
            <translation>等级阈值必须是递增的中心性数值；实际为“{0}”。</translation>
        </message>
        <message>
            <source>High</source>
            <translation>高</translation>
        </message>
        <message>
            <source>Highest</source>
            <translation>最高</translation>
        </message>
        <message>
            <source>Highest fifth of the priority scores</source>
            <translation>优先级得分最高的五分之一</translation>
        </message>
        <message>
            <source>Highest priorities: {0}</source>
            <translation>优先级最高的是：{0}</translation>
        </message>
        <message>
            <source>How centrality values are cut into levels.</source>
            <translation>中心性数值如何划分为等级。</translation>
        </message>
        <message>
            <source>How many new public spaces the plan can add.</source>
            <translation>规划可新增的公共空间数量。</translation>
        </message>
        <message>
            <source>How many sites to choose, at most. 0: as many as the budget allows. The tool stops earlier when no other candidate would serve anyone new.</source>
            <translation>最多选择多少个地块。0：在预算允许范围内尽可能多。当其他候选地块都不能新增服务任何人时，工具会提前停止。</translation>
        </message>
        <message>
            <source>How many worker processes the cluster on this computer starts.</source>
            <translation>本机集群启动的工作进程数量。</translation>
        </message>
        <message>
            <source>How much the street widths matter: with every width 25 % narrower the streets cover {0} % of the city, with every width 25 % wider {1} % (streets and public space: {2}–{3} %).</source>
            <translation>街道宽度的影响：所有宽度缩窄 25 % 时街道占城市面积 {0} %，加宽 25 % 时占 {1} %（街道和公共空间：{2}–{3} %）。</translation>
        </message>
        <message>
            <source>How submissions are linked to spaces and how dimensions are weighted.</source>
            <translation>提交记录如何关联到空间，以及各维度如何加权。</translation>
        </message>
        <message>
            <source>How the Hansen accessibility discounts a centre's mass with travel time. Exponential: exp(−β·minutes), recommended for regional travel-time accessibility (Geurs &amp; van Wee 2004). Power: minutes^−β, the gravity form, which gives very large weights to centres a few minutes away.</source>
            <translation>Hansen 可达性如何按出行时间折减中心的规模。指数函数：exp(−β·分钟)，推荐用于区域出行时间可达性（Geurs 和 van Wee 2004）。幂函数：分钟^−β，即引力模型形式，会给几分钟以内的中心极大的权重。</translation>
        </message>
        <message>
            <source>How well each settlement reaches the centres of the settlement hierarchy, on the road network with a speed for each road class. For each hierarchy level: the travel time to the nearest centre of that level or a more central one. Hansen accessibility sums the centres' mass (population or centrality) weighted by travel time (by default exponential decay, half weight at 30 minutes), also given as an index from 0 to 100 on a logarithmic scale. The dominant centre of each settlement comes from Huff probabilities or Reilly's law of retail gravitation; settlements dominated by the same centre form its zone of territorial influence. Isochrone bands show the area within given travel times of a centre. Settlements join the nearest road at the off-road speed; those too far from any road, or on roads that reach no centre, are reported and get no travel time.</source>
            <translation>在按道路等级设定速度的道路网络上，计算每个居民点到达居民点等级体系中各中心的便利程度。对每个等级：到该等级或更高等级最近中心的出行时间。Hansen 可达性为各中心规模（人口或中心性）按出行时间加权（默认采用指数衰减，30 分钟处权重减半）之和，并以对数尺度给出 0 至 100 的指数。每个居民点的主导中心根据 Huff 概率或 Reilly 零售引力法则确定；受同一中心主导的居民点构成该中心的地域影响范围。等时线带显示在给定出行时间内可到达中心的区域。居民点以非道路速度接入最近的道路；距离任何道路过远或所在道路无法到达任何中心的居民点会被报告，且不计算出行时间。</translation>
        </message>
        <message>
            <source>Huff</source>
            <translation>Huff</translation>
        </message>
        <message>
            <source>Huff probabilities</source>
            <translation>Huff 概率</translation>
        </message>
        <message>
            <source>Huff: the centre with the highest probability of being chosen. Reilly: the strongest gravity, mass over travel time squared.</source>
            <translation>Huff：被选择概率最高的中心。Reilly：引力最强的中心，即规模除以出行时间的平方。</translation>
        </message>
        <message>
            <source>ID</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>IG-UTP principles</source>
            <translation>《城市与区域规划国际准则》原则</translation>
        </message>
        <message>
            <source>IG-UTP principles reflected</source>
            <translation>体现的《城市与区域规划国际准则》原则</translation>
        </message>
        <message>
            <source>Import problems</source>
            <translation>导入问题</translation>
        </message>
        <message>
            <source>In the priorities, settlements beyond this time of a centre, or without one, are unserved.</source>
            <translation>在优先级中，到中心的出行时间超过此值或无法到达中心的居民点计为服务不足。</translation>
        </message>
        <message>
            <source>Increasing areas in hectares separating the size classes, comma-separated. The default 0.1, 0.5, 2, 10 makes pocket, small, neighbourhood, district and city-wide spaces.</source>
            <translation>划分规模等级的递增面积（公顷），以逗号分隔。默认值 0.1、0.5、2、10 将空间分为口袋、小型、社区级、区级和市级。</translation>
        </message>
        <message>
            <source>Index</source>
            <translation>指数</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>Indicators</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>Indicators normalised, reversed where more is worse, weighted and aggregated as in the OECD/JRC Handbook on Constructing Composite Indicators (2008); the sensitivity check raises and lowers each weight by 20 % and reports how far the ranks move.</source>
            <translation>指标按经合组织/联合研究中心《构建综合指标手册》（2008）进行标准化（数值越大越差的指标取反）、加权和汇总；敏感性检验将每个权重上调和下调 20%，并报告排名变动的幅度。</translation>
        </message>
        <message>
            <source>Indicators where more is worse</source>
            <translation>数值越高越差的指标</translation>
        </message>
        <message>
            <source>Inequality indices need values of 0 or more.</source>
            <translation>不平等指数要求数值大于或等于 0。</translation>
        </message>
        <message>
            <source>Influence zones are schematic areas of the dominant centre of each settlement, drawn around the settlements it dominates; they are not administrative or planning boundaries.</source>
            <translation>影响范围是各居民点主导中心的示意性区域，围绕其主导的居民点绘制；它们不是行政边界或规划边界。</translation>
        </message>
        <message>
            <source>Inputs and parameters</source>
            <translation>输入与参数</translation>
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
            <source>Instead of a population grid: the population of each place at the date of the built-up raster (such as a census count), added up per extent.</source>
            <translation>代替人口栅格：建成区栅格日期时每个地点的人口（如人口普查数），按范围汇总。</translation>
        </message>
        <message>
            <source>Instead of an earlier population grid: the population of each place at the earlier date.</source>
            <translation>代替较早日期的人口栅格：较早日期时每个地点的人口。</translation>
        </message>
        <message>
            <source>Instead of facilities: numeric columns of the settlements, one per function (more than 0 means present), e.g. from a joined presence table.</source>
            <translation>代替设施点：居民点的数值字段，每种功能一个（大于 0 表示具有该功能），例如来自连接的功能存在表。</translation>
        </message>
        <message>
            <source>Intermediate</source>
            <translation>次级中心</translation>
        </message>
        <message>
            <source>Inventory of open public spaces and SDG 11.7.1: land allocated to streets and public space, and the share of people within 400 m walking distance.</source>
            <translation>开放公共空间盘点与可持续发展目标 11.7.1：街道和公共空间用地，以及步行距离 400 米以内的人口比例。</translation>
        </message>
        <message>
            <source>Investment priorities</source>
            <translation>投资优先级</translation>
        </message>
        <message>
            <source>Isochrone bands</source>
            <translation>等时线带</translation>
        </message>
        <message>
            <source>Isochrone bands (minutes)</source>
            <translation>等时线带（分钟）</translation>
        </message>
        <message>
            <source>It is {0}.</source>
            <translation>它是{0}。</translation>
        </message>
        <message>
            <source>Join new road ends within (m)</source>
            <translation>新建道路端点连接距离（米）</translation>
        </message>
        <message>
            <source>Keep motorways, trunk roads and ways with foot=no or access=no, marked walkable = 0, so that one layer serves both the street area of SDG 11.7.1 (a), which counts all street land, and the walking network of 11.7.1 (b), which leaves them out. When unticked they are left out and counted.</source>
            <translation>保留高速公路、干线公路以及带有 foot=no 或 access=no 的道路，并标记为 walkable = 0，使同一图层既可用于计算全部街道用地的可持续发展目标 11.7.1 (a) 街道面积，也可用于排除这些道路的 11.7.1 (b) 步行网络。不勾选时将其排除并计数。</translation>
        </message>
        <message>
            <source>Keep streets nobody may walk along (walkable = 0)</source>
            <translation>保留不可步行的街道（walkable = 0）</translation>
        </message>
        <message>
            <source>Kept with walkable = 0: {0} of a road class nobody walks along ({1}), {2} with foot=no, {3} with access=no.</source>
            <translation>以 walkable = 0 保留：不可步行道路等级（{1}）{0} 条，foot=no {2} 条，access=no {3} 条。</translation>
        </message>
        <message>
            <source>Kept: the {0}. Optimality gap: {1} % (no choice of sites can serve more than {2} more people of the chosen group).</source>
            <translation>保留：{0}。最优性差距：{1} %（任何地块组合都无法使所选人口群体的服务人口再增加超过 {2} 人）。</translation>
        </message>
        <message>
            <source>Kind of built-up values</source>
            <translation>建成区数值类型</translation>
        </message>
        <message>
            <source>KoboToolbox</source>
            <translation>Kobo 工具箱</translation>
        </message>
        <message>
            <source>KoboToolbox: Data, Downloads; XML names or labels as headers.</source>
            <translation>Kobo 工具箱：数据、下载；表头为 XML 名称或标签。</translation>
        </message>
        <message>
            <source>Krippendorff's alpha</source>
            <translation>Krippendorff α 系数</translation>
        </message>
        <message>
            <source>Krippendorff's alpha (ordinal)</source>
            <translation>Krippendorff α 系数（序数尺度）</translation>
        </message>
        <message>
            <source>Lacking</source>
            <translation>缺少的功能</translation>
        </message>
        <message>
            <source>Land allocated to streets and public space</source>
            <translation>用于街道和公共空间的土地</translation>
        </message>
        <message>
            <source>Land allocated to streets and public space, by district</source>
            <translation>各区用于街道和公共空间的土地</translation>
        </message>
        <message>
            <source>Land that could become open public space: vacant plots, public parcels, under-used land. Each polygon is one candidate site.</source>
            <translation>可以成为开放公共空间的用地：空地、公有地块、低效利用土地。每个多边形是一个候选地块。</translation>
        </message>
        <message>
            <source>Largest distance to a road (m)</source>
            <translation>到道路的最大距离（米）</translation>
        </message>
        <message>
            <source>Largest moves in the ranking (a settlement the scenario serves better needs less and drops): {0}</source>
            <translation>排名变动最大的居民点（情景中服务改善的居民点需求降低，排名随之下降）：{0}</translation>
        </message>
        <message>
            <source>Largest population cell (m)</source>
            <translation>最大人口栅格单元（米）</translation>
        </message>
        <message>
            <source>Largest rank change</source>
            <translation>最大排名变化</translation>
        </message>
        <message>
            <source>Largest site (m², 0: no limit)</source>
            <translation>最大地块（平方米，0：不限）</translation>
        </message>
        <message>
            <source>Largest unserved populations</source>
            <translation>未服务人口最多的城市</translation>
        </message>
        <message>
            <source>Largest walking distance (m)</source>
            <translation>最大步行距离（米）</translation>
        </message>
        <message>
            <source>Leave empty for the built-in framework (14 themes aligned with the International Guidelines on Urban and Territorial Planning and the New Urban Agenda).</source>
            <translation>留空则使用内置评估框架（14 个主题，与《城市与区域规划国际准则》和《新城市议程》相一致）。</translation>
        </message>
        <message>
            <source>Leave empty for the built-in questionnaire: identification, accessibility, use and users, comfort, safety, green cover, physical facilities and maintenance, in English and Chinese. A copy can be edited (questions, choices and their 0-1 scores); the same file must then be used for the form and for the scoring.</source>
            <translation>留空则使用内置问卷：识别、可达性、使用与使用者、舒适度、安全性、绿化覆盖率、物理设施和维护，中英双语。可编辑其副本（问题、选项及其 0–1 分值）；此后调查表和评分须使用同一文件。</translation>
        </message>
        <message>
            <source>Left out as not walkable: {0} of a road class nobody walks along ({1}), {2} with foot=no, {3} with access=no. Keep them (walkable = 0) for the street area of SDG 11.7.1 (a).</source>
            <translation>因不可步行而排除：不可步行道路等级（{1}）{0} 条，foot=no {2} 条，access=no {3} 条。如需计入可持续发展目标 11.7.1 (a) 的街道面积，请保留它们（walkable = 0）。</translation>
        </message>
        <message>
            <source>Legend</source>
            <translation>图例</translation>
        </message>
        <message>
            <source>Legend:</source>
            <translation>图例：</translation>
        </message>
        <message>
            <source>Length (km)</source>
            <translation>长度（公里）</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>Level {0}</source>
            <translation>第 {0} 级</translation>
        </message>
        <message>
            <source>Level {0} ({1}) is expected to have no function.</source>
            <translation>第 {0} 级（{1}）没有应有功能。</translation>
        </message>
        <message>
            <source>Level {0} ({1}) is expected to have: {2}</source>
            <translation>第 {0} 级（{1}）应有功能：{2}</translation>
        </message>
        <message>
            <source>Levels by natural breaks of the baseline's centrality; three are central, intermediate, local.</source>
            <translation>按基线中心性的自然断点划分等级；三个等级分别为主要中心、次级中心和地方中心。</translation>
        </message>
        <message>
            <source>Linear (weighted mean)</source>
            <translation>线性汇总（加权平均）</translation>
        </message>
        <message>
            <source>Linear: a weighted mean, where strengths offset weaknesses. Geometric: a weighted geometric mean of values rescaled to 1 to 100, where they do not fully.</source>
            <translation>线性：加权平均，优势可以抵消劣势。几何：将数值重新缩放到 1 至 100 后的加权几何平均，优势不能完全抵消劣势。</translation>
        </message>
        <message>
            <source>Load the workshop data</source>
            <translation>加载培训数据</translation>
        </message>
        <message>
            <source>Local</source>
            <translation>地方中心</translation>
        </message>
        <message>
            <source>Longest travel time of those lacking it (min)</source>
            <translation>缺少者的最长出行时间（分钟）</translation>
        </message>
        <message>
            <source>Low</source>
            <translation>低</translation>
        </message>
        <message>
            <source>Lowest</source>
            <translation>最低</translation>
        </message>
        <message>
            <source>Lowest fifth of the priority scores</source>
            <translation>优先级得分最低的五分之一</translation>
        </message>
        <message>
            <source>Made on {0} with {1}.</source>
            <translation>生成于 {0}，使用 {1}。</translation>
        </message>
        <message>
            <source>Made on {0}.</source>
            <translation>生成于 {0}。</translation>
        </message>
        <message>
            <source>Made with the scorecard template or the "Score a plan" dialog.</source>
            <translation>使用评分表模板或“为规划评分”对话框制作。</translation>
        </message>
        <message>
            <source>Map (optional)</source>
            <translation>地图（可选）</translation>
        </message>
        <message>
            <source>Map of cities by share served</source>
            <translation>各城市可达比例地图</translation>
        </message>
        <message>
            <source>Mass field (population or centrality)</source>
            <translation>规模字段（人口或中心性）</translation>
        </message>
        <message>
            <source>Mean</source>
            <translation>平均值</translation>
        </message>
        <message>
            <source>Mean (0–100)</source>
            <translation>平均值（0–100）</translation>
        </message>
        <message>
            <source>Mean (min)</source>
            <translation>平均值（分钟）</translation>
        </message>
        <message>
            <source>Mean contribution</source>
            <translation>平均贡献</translation>
        </message>
        <message>
            <source>Mean quality index</source>
            <translation>平均质量指数</translation>
        </message>
        <message>
            <source>Mean quality index (0–100)</source>
            <translation>平均质量指数（0–100）</translation>
        </message>
        <message>
            <source>Mean rank change</source>
            <translation>平均排名变化</translation>
        </message>
        <message>
            <source>Mean score</source>
            <translation>平均分</translation>
        </message>
        <message>
            <source>Mean score (0–3)</source>
            <translation>平均分（0–3）</translation>
        </message>
        <message>
            <source>Mean score weighted by dependants</source>
            <translation>按依赖人口加权的平均分</translation>
        </message>
        <message>
            <source>Mean travel time to a level {0} centre (min)</source>
            <translation>到第 {0} 级中心的平均出行时间（分钟）</translation>
        </message>
        <message>
            <source>Mean travel time to the nearest {0} (min)</source>
            <translation>到最近{0}的平均出行时间（分钟）</translation>
        </message>
        <message>
            <source>Mean walking distance (m)</source>
            <translation>平均步行距离（米）</translation>
        </message>
        <message>
            <source>Mean: {0}</source>
            <translation>平均值：{0}</translation>
        </message>
        <message>
            <source>Measure</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>Measure walking distances up to (m)</source>
            <translation>步行距离最远测量到（米）</translation>
        </message>
        <message>
            <source>Measured by the national batch as the single-city tools measure it, on the inputs clipped to the urban extent plus the walking distance. Districts are clipped to the urban extent; only the people inside the extent count.</source>
            <translation>由全国批处理按单城市工具的同一方法计算，输入数据裁剪至城市范围外加步行距离。各区裁剪至城市范围；只统计城市范围内的人口。</translation>
        </message>
        <message>
            <source>Measured right-of-way width, read as Land allocated to streets and public space reads it.</source>
            <translation>实测道路红线宽度，读取方式与“街道和公共空间用地”相同。</translation>
        </message>
        <message>
            <source>Measured right-of-way width: a number in metres, or text with a unit as in OSM width tags (12 m, 40 ft, 12'6", 10-12). Empty, unreadable or implausible values (outside 1.5–80 m) fall back to the class table and are counted. For the output of Streets from OpenStreetMap choose width_m: its width_src field then says which widths were estimated.</source>
            <translation>实测道路红线宽度：以米为单位的数字，或如 OSM 宽度标签那样带单位的文本（12 m、40 ft、12'6"、10-12）。空值、无法识别或不合理的值（超出 1.5–80 米）改用道路等级表并计数。对于“从 OpenStreetMap 生成街道”的输出，请选择 width_m：其 width_src 字段会说明哪些宽度是估算的。</translation>
        </message>
        <message>
            <source>Measured widths for SDG 11.7.1 (a); else the width of the road class.</source>
            <translation>用于可持续发展目标 11.7.1 (a) 的实测宽度；否则使用道路等级的宽度。</translation>
        </message>
        <message>
            <source>Median (min)</source>
            <translation>中位数（分钟）</translation>
        </message>
        <message>
            <source>Median travel time of those lacking it (min)</source>
            <translation>缺少者的出行时间中位数（分钟）</translation>
        </message>
        <message>
            <source>Medium</source>
            <translation>中</translation>
        </message>
        <message>
            <source>Men</source>
            <translation>男性</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>方法</translation>
        </message>
        <message>
            <source>Middle fifth</source>
            <translation>中间的五分之一</translation>
        </message>
        <message>
            <source>Min-max (0 to 1)</source>
            <translation>极差法（0 至 1）</translation>
        </message>
        <message>
            <source>Min-max puts every indicator on 0 to 1; z-scores on its standard deviations from the mean.</source>
            <translation>极差法将每个指标缩放到 0 至 1；z 分数以偏离均值的标准差数表示。</translation>
        </message>
        <message>
            <source>Minimum site size (m²)</source>
            <translation>最小地块面积（平方米）</translation>
        </message>
        <message>
            <source>Minutes gained to a centre</source>
            <translation>到中心缩短的时间（分钟）</translation>
        </message>
        <message>
            <source>Minutes gained to the nearest centre</source>
            <translation>到最近中心缩短的时间（分钟）</translation>
        </message>
        <message>
            <source>Missing values</source>
            <translation>缺失值</translation>
        </message>
        <message>
            <source>Most sites (0: all)</source>
            <translation>最多地块数（0：全部）</translation>
        </message>
        <message>
            <source>NA needs a reason (the comment): these NA without one count as not scored: {0}</source>
            <translation>“不适用”需要说明理由（填写在备注中）：以下没有理由的“不适用”按未评分处理：{0}</translation>
        </message>
        <message>
            <source>NA: not applicable</source>
            <translation>NA：不适用</translation>
        </message>
        <message>
            <source>Named places (optional)</source>
            <translation>地名（可选）</translation>
        </message>
        <message>
            <source>Names shown in the report; the feature id when empty.</source>
            <translation>报告中显示的名称；留空时使用要素编号。</translation>
        </message>
        <message>
            <source>Names shown in the scalogram; the feature id when empty.</source>
            <translation>功能等级表中显示的名称；留空时使用要素编号。</translation>
        </message>
        <message>
            <source>Names used for the dominant centres; the feature id when empty.</source>
            <translation>用于主导中心的名称；留空时使用要素编号。</translation>
        </message>
        <message>
            <source>Names used for the settlements and the nearest providers; the feature id when empty.</source>
            <translation>用于居民点和最近提供者的名称；为空时使用要素 ID。</translation>
        </message>
        <message>
            <source>National report</source>
            <translation>全国报告</translation>
        </message>
        <message>
            <source>National share served by population group</source>
            <translation>按人口群体分列的全国可达比例</translation>
        </message>
        <message>
            <source>National summary</source>
            <translation>全国汇总</translation>
        </message>
        <message>
            <source>Nationally {0} % of the urban population ({1} of {2} people) lives within walking distance of an open public space; {3} people do not. The share is weighted by population: the people served in every measured city over all the people counted.</source>
            <translation>全国 {0} % 的城市人口（{2} 人中的 {1} 人）居住在开放公共空间步行距离以内；{3} 人不在此范围内。该比例按人口加权：各已测算城市的可达人口之和除以计入的全部人口。</translation>
        </message>
        <message>
            <source>Natural breaks (Jenks)</source>
            <translation>自然断点法（Jenks）</translation>
        </message>
        <message>
            <source>Natural breaks need at least {0} distinct settlements.</source>
            <translation>自然断点法至少需要 {0} 个不同的居民点。</translation>
        </message>
        <message>
            <source>Need (low development index, long travel time to a centre) and potential (centrality, accessibility) are each scaled to 0 to 1 across the settlements and combined with the weights chosen; the weights are a planning choice to agree with stakeholders, not a published standard.</source>
            <translation>需求（发展指数低、到中心的出行时间长）和潜力（中心性、可达性）各自在所有居民点间缩放到 0 至 1，并按所选权重组合；权重是需与利益相关方商定的规划选择，而非已发布的标准。</translation>
        </message>
        <message>
            <source>Need (points)</source>
            <translation>需求（分）</translation>
        </message>
        <message>
            <source>Need: low quality</source>
            <translation>需求：质量低</translation>
        </message>
        <message>
            <source>Need: settlements whose travel time exceeds this, or who cannot reach a centre, are unserved.</source>
            <translation>需求：出行时间超过此值或无法到达任何中心的居民点视为服务不足。</translation>
        </message>
        <message>
            <source>Need: the longer the travel time to a centre, the higher the need (e.g. time_l2).</source>
            <translation>需求：到中心的出行时间越长，需求越高（例如 time_l2）。</translation>
        </message>
        <message>
            <source>Need: the lower the index, the higher the need (e.g. dev_index).</source>
            <translation>需求：指数越低，需求越高（例如 dev_index）。</translation>
        </message>
        <message>
            <source>Needs review: {0}: {1} in the draft, {2} of them counted ({3}).</source>
            <translation>待复核：{0}：初稿中 {1} 个，其中计入 {2} 个（{3}）。</translation>
        </message>
        <message>
            <source>New facilities (a hospital, a market…) with the same function field as the facilities; or, with the option below, an edited copy of all facilities (some moved or removed).</source>
            <translation>新增设施（医院、市场……），功能字段与现有设施相同；或者使用下方选项，提供全部设施经编辑后的副本（部分设施已移动或删除）。</translation>
        </message>
        <message>
            <source>New or upgraded roads (scenario)</source>
            <translation>新建或升级道路（情景）</translation>
        </message>
        <message>
            <source>New public spaces built (in the order chosen)</source>
            <translation>建成的新增公共空间（按选择顺序）</translation>
        </message>
        <message>
            <source>New public spaces, in order</source>
            <translation>新增公共空间（按顺序）</translation>
        </message>
        <message>
            <source>New roads, and upgraded roads copied with their new class.</source>
            <translation>新建道路，以及复制后赋予新等级的升级道路。</translation>
        </message>
        <message>
            <source>New sites and tracking</source>
            <translation>新增地块与跟踪</translation>
        </message>
        <message>
            <source>New sites chosen to serve the most people not yet served (greedy, checked by an exact solver).</source>
            <translation>新增地块的选择以服务最多尚未被服务的人为目标（贪心算法，并由精确求解器校验）。</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>下一步</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
        </message>
        <message>
            <source>No Simplified Chinese font is installed; chart text uses {0}, whose characters may take Japanese or Traditional forms. Install a Simplified Chinese font (for example Noto Sans CJK SC).</source>
            <translation>未安装简体中文字体；图表文字使用 {0}，部分汉字可能显示为日文或繁体字形。请安装简体中文字体（例如 Noto Sans CJK SC）。</translation>
        </message>
        <message>
            <source>No built-up cell of {0} has {1} % or more built-up land in the circle around it: all {2} built-up cells are rural, so there is no urban extent.</source>
            <translation>{0} 中没有建成区像元周围圆内的建成区用地达到 {1}% 或以上：全部 {2} 个建成区像元均为乡村，因此不存在城市范围。</translation>
        </message>
        <message>
            <source>No candidate site can be reached: no street passes inside a candidate or within {0} m of one. Check that the streets and the candidate sites cover the same place, or raise the entry tolerance.</source>
            <translation>无法到达任何候选地块：没有街道穿过候选地块或经过其 {0} 米以内。请检查街道和候选地块是否覆盖同一地点，或提高入口容差。</translation>
        </message>
        <message>
            <source>No cell of the built-up raster {0} inside the urban extent {1} is open land (at most {2} % built-up): raise the built-up share of open land, or check the band and the kind of values.</source>
            <translation>建成区栅格 {0} 在城市范围 {1} 内没有开放用地像元（建成部分不超过 {2}%）：请提高开放用地的建成区比例，或检查波段和取值类型。</translation>
        </message>
        <message>
            <source>No centre lies within {0} m of a road of "{1}": no travel time can be computed.</source>
            <translation>没有中心位于“{1}”的道路 {0} 米以内：无法计算出行时间。</translation>
        </message>
        <message>
            <source>No city could be measured: {0}</source>
            <translation>没有任何城市能够完成计算：{0}</translation>
        </message>
        <message>
            <source>No city polygon is named {0}.</source>
            <translation>没有名为 {0} 的城市面。</translation>
        </message>
        <message>
            <source>No city was measured: all {0} cities failed. Their reasons are listed at the end of the report.</source>
            <translation>没有测算任何城市：全部 {0} 个城市均失败。原因列于报告末尾。</translation>
        </message>
        <message>
            <source>No class</source>
            <translation>无等级</translation>
        </message>
        <message>
            <source>No class by centrality was given: {0} Choose fewer classes.</source>
            <translation>未按中心性分级：{0} 请减少等级数。</translation>
        </message>
        <message>
            <source>No combined class was given: {0} Choose fewer classes.</source>
            <translation>未进行综合分级：{0} 请减少等级数。</translation>
        </message>
        <message>
            <source>No data</source>
            <translation>无数据</translation>
        </message>
        <message>
            <source>No dimension scores to compare.</source>
            <translation>没有可比较的维度分数。</translation>
        </message>
        <message>
            <source>No district</source>
            <translation>无所属区</translation>
        </message>
        <message>
            <source>No district of "{0}" lies inside the urban extent "{1}": check that both cover the same place.</source>
            <translation>“{0}”中没有任何区位于城市范围“{1}”内：请检查两者是否覆盖同一地点。</translation>
        </message>
        <message>
            <source>No district of this run is in the previous scorecard "{0}": it has {1}; this run has {2}. Use the same districts and the same name field in both runs.</source>
            <translation>本次运行的区都不在上一期评分表“{0}”中：该表有 {1}；本次运行有 {2}。两次运行请使用相同的区和相同的名称字段。</translation>
        </message>
        <message>
            <source>No feature of "{0}" has a usable polygon (all are without geometry, empty or without area).</source>
            <translation>“{0}”中没有任何要素具有可用的面（全部没有几何、为空或没有面积）。</translation>
        </message>
        <message>
            <source>No font with Chinese characters is installed; chart text may show as boxes. Install a CJK font (for example Noto Sans CJK).</source>
            <translation>未安装包含中文字符的字体；图表中的文字可能显示为方框。请安装中日韩字体（例如 Noto Sans CJK）。</translation>
        </message>
        <message>
            <source>No function was found in the facilities or the function columns.</source>
            <translation>在设施或功能字段中未找到任何功能。</translation>
        </message>
        <message>
            <source>No index for that settlement</source>
            <translation>该居民点不计算指数</translation>
        </message>
        <message>
            <source>No layers are loaded. Load the workshop data (Habitat Planning ▸ Load the workshop data), or open your files with the … buttons.</source>
            <translation>尚未加载任何图层。请加载培训数据（人居规划 ▸ 加载培训数据），或用 … 按钮打开您的文件。</translation>
        </message>
        <message>
            <source>No one of the population grid {0} lives inside an urban extent: check that it covers the built-up raster.</source>
            <translation>人口栅格 {0} 中没有人居住在城市范围内：请检查它是否覆盖建成区栅格。</translation>
        </message>
        <message>
            <source>No open land is left for a site: of {0} pieces of open land inside the urban extent {1}, none is at least {2} m² once public spaces, street corridors and land left out are taken away{3} (the largest is {4} m²). Lower the smallest site or raise the built-up share of open land.</source>
            <translation>没有可作为地块的开放用地：城市范围 {1} 内的 {0} 片开放用地，在去除公共空间、街道廊道和不计入的用地后，没有一片达到 {2} 平方米{3}（最大的为 {4} 平方米）。请降低最小地块，或提高开放用地的建成区比例。</translation>
        </message>
        <message>
            <source>No people of the population input live inside the urban extent: check that the population and the urban extent cover the same place.</source>
            <translation>人口输入中没有人居住在城市范围内：请检查人口数据和城市范围是否覆盖同一地点。</translation>
        </message>
        <message>
            <source>No populated place lies within {0} m of a street: check that the population input and the street network cover the same place (and the same coordinate system).</source>
            <translation>没有任何有人口的位置位于街道 {0} 米以内：请检查人口输入和街道网络是否覆盖同一地点（并使用同一坐标参考系）。</translation>
        </message>
        <message>
            <source>No public space of "{0}" lies inside the urban extent "{1}": the public space share is 0 %. Check that both cover the same place.</source>
            <translation>“{0}”中没有任何公共空间位于城市范围“{1}”内：公共空间比例为 0 %。请检查两者是否覆盖同一地点。</translation>
        </message>
        <message>
            <source>No quality index</source>
            <translation>无质量指数</translation>
        </message>
        <message>
            <source>No quality index (not surveyed, or a dimension unanswered)</source>
            <translation>无质量指数（未调查，或某维度无答案）</translation>
        </message>
        <message>
            <source>No quality index: survey first</source>
            <translation>无质量指数：请先调查</translation>
        </message>
        <message>
            <source>No scorecard scores the criterion {0}.</source>
            <translation>没有任何评分表对标准 {0} 评分。</translation>
        </message>
        <message>
            <source>No settlement changes level.</source>
            <translation>没有居民点的等级发生变化。</translation>
        </message>
        <message>
            <source>No settlement has a hierarchy level in the field {0}.</source>
            <translation>字段 {0} 中没有任何居民点有等级。</translation>
        </message>
        <message>
            <source>No settlement has a hierarchy level of {0} or more central: there are no centres.</source>
            <translation>没有居民点的等级为 {0} 或更高：不存在中心。</translation>
        </message>
        <message>
            <source>No settlement has a location.</source>
            <translation>没有任何居民点有位置。</translation>
        </message>
        <message>
            <source>No settlement has any of the functions.</source>
            <translation>没有任何居民点具有这些功能。</translation>
        </message>
        <message>
            <source>No settlement has both a centrality and a development index.</source>
            <translation>没有居民点同时具有中心性和发展指数。</translation>
        </message>
        <message>
            <source>No settlement lies within {0} m of a road of "{1}": are the roads and the settlements of the same region?</source>
            <translation>没有居民点位于“{1}”的道路 {0} 米以内：道路和居民点是否属于同一区域？</translation>
        </message>
        <message>
            <source>No settlement lies within {0} m of the corridors "{1}" (the nearest is {2} km away): the corridor component is 0 everywhere. Check that both layers cover the same region.</source>
            <translation>没有居民点位于走廊“{1}”的 {0} 米范围内（最近的相距 {2} 公里）：走廊分项在各处均为 0。请检查两个图层是否覆盖同一地区。</translation>
        </message>
        <message>
            <source>No space has a quality index: run Public space quality from a survey on a survey of these spaces first.</source>
            <translation>没有空间有质量指数：请先对这些空间的调查运行“基于调查的公共空间质量”。</translation>
        </message>
        <message>
            <source>No space id and no GPS point; cannot be linked to a space</source>
            <translation>无空间编号且无 GPS 点；无法关联到空间</translation>
        </message>
        <message>
            <source>No space of the inventory has an id in the field "{0}".</source>
            <translation>盘点图层中没有空间在字段“{0}”中有编号。</translation>
        </message>
        <message>
            <source>No space within {0} m</source>
            <translation>{0} 米内没有空间</translation>
        </message>
        <message>
            <source>No street lies in or near the urban extent of {0}.</source>
            <translation>{0} 的城市范围内及其附近没有街道。</translation>
        </message>
        <message>
            <source>No street lies within {0} m of the urban extent: check that the streets and the urban extent cover the same place.</source>
            <translation>城市范围 {0} 米以内没有街道：请检查街道和城市范围是否覆盖同一地点。</translation>
        </message>
        <message>
            <source>No street reaches a public space: no street passes inside a space or within {0} m of one. Check that streets and spaces overlap, or raise the entry tolerance.</source>
            <translation>没有街道通往公共空间：没有街道穿过公共空间或经过其 {0} 米以内。请检查街道与公共空间是否重叠，或提高入口容差。</translation>
        </message>
        <message>
            <source>No street was found in "{0}": none of its lines has a highway tag of a street class (or all were left out).</source>
            <translation>在“{0}”中未找到街道：其中没有任何线要素带有街道等级的 highway 标签（或全部已被排除）。</translation>
        </message>
        <message>
            <source>No theme is below {0} % of its potential score: no gap to list.</source>
            <translation>没有主题低于满分的 {0}%：无需列出不足。</translation>
        </message>
        <message>
            <source>No tools in this area yet</source>
            <translation>此领域暂无工具</translation>
        </message>
        <message>
            <source>No travel time</source>
            <translation>无出行时间</translation>
        </message>
        <message>
            <source>No urban extent was given: all {0} people of the population input count. SDG 11.7.1 (b) is a share of the urban population; give the urban extent when the population input reaches beyond the city.</source>
            <translation>未提供城市范围：人口输入中的全部 {0} 人均计入。可持续发展目标 11.7.1 (b) 是城市人口的比例；当人口输入超出城市时，请提供城市范围。</translation>
        </message>
        <message>
            <source>No walkable street is left in "{0}" once the excluded road classes are left out.</source>
            <translation>排除指定道路等级后，“{0}”中没有剩余可步行的街道。</translation>
        </message>
        <message>
            <source>No web browser is set up to open it: open it from the output folder.</source>
            <translation>没有可打开报告的网页浏览器：请从输出文件夹中打开。</translation>
        </message>
        <message>
            <source>Non-built land (at most {0} % built-up)</source>
            <translation>非建成用地（建成区比例不超过 {0}%）</translation>
        </message>
        <message>
            <source>None of the chosen fields has any value ({0}): there is nothing to rank by.</source>
            <translation>所选字段均无任何值（{0}）：没有可用于排序的数据。</translation>
        </message>
        <message>
            <source>Normalisation</source>
            <translation>标准化方法</translation>
        </message>
        <message>
            <source>Not counted</source>
            <translation>不计入</translation>
        </message>
        <message>
            <source>Not run: the results in {0} are kept.</source>
            <translation>未运行：{0} 中的结果保持不变。</translation>
        </message>
        <message>
            <source>Not scored by any assessor, so counted with no points in the potential score ({0} of {1} criteria): {2}</source>
            <translation>没有任何评估者评分，因此计入满分但得 0 分（{1} 项标准中的 {0} 项）：{2}</translation>
        </message>
        <message>
            <source>Not served</source>
            <translation>未服务</translation>
        </message>
        <message>
            <source>Not served (%)</source>
            <translation>未被服务 (%)</translation>
        </message>
        <message>
            <source>Not walkable: access=no</source>
            <translation>不可步行：access=no</translation>
        </message>
        <message>
            <source>Not walkable: foot=no</source>
            <translation>不可步行：foot=no</translation>
        </message>
        <message>
            <source>Not walkable: road class nobody walks along</source>
            <translation>不可步行：不可步行的道路等级</translation>
        </message>
        <message>
            <source>Number of classes</source>
            <translation>等级数量</translation>
        </message>
        <message>
            <source>Number of hierarchy levels</source>
            <translation>等级数量</translation>
        </message>
        <message>
            <source>Number of new public spaces</source>
            <translation>新增公共空间数量</translation>
        </message>
        <message>
            <source>Numeric field with the cost of each candidate site (money, or area in m² to spend land), needed for a budget. Costs must be 0 or more and not empty.</source>
            <translation>包含每个候选地块成本的数值字段（金额，或以平方米计的面积以控制用地），使用预算时必需。成本必须大于或等于 0 且不能为空。</translation>
        </message>
        <message>
            <source>Numeric fields combined into the index.</source>
            <translation>合成指数所用的数值字段。</translation>
        </message>
        <message>
            <source>Numeric fields of the population layer, one per group (the first is the total), e.g. total, women, men, children, older people, persons with disabilities.</source>
            <translation>人口图层中的数值字段，每个群体一个（第一个为总人口），例如总人口、女性、男性、儿童、老年人、残疾人。</translation>
        </message>
        <message>
            <source>Numeric fields of the population layer, one per group (the first is the total).</source>
            <translation>人口图层的数值字段，每个群体一个（第一个为总人口）。</translation>
        </message>
        <message>
            <source>OSM width tag</source>
            <translation>OSM 宽度标签</translation>
        </message>
        <message>
            <source>Of those, the ones where more is worse (e.g. poverty).</source>
            <translation>其中数值越大越差的指标（例如贫困）。</translation>
        </message>
        <message>
            <source>Off-road speed (km/h)</source>
            <translation>非道路速度（公里/小时）</translation>
        </message>
        <message>
            <source>Older persons</source>
            <translation>老年人</translation>
        </message>
        <message>
            <source>On a space without a quality index</source>
            <translation>依赖无质量指数空间</translation>
        </message>
        <message>
            <source>On a surveyed space</source>
            <translation>依赖已调查空间</translation>
        </message>
        <message>
            <source>One filled scorecard per assessor and plan (XLSX, CSV or JSON).</source>
            <translation>每位评估者对每个规划填写一份评分表（XLSX、CSV 或 JSON）。</translation>
        </message>
        <message>
            <source>One filled scorecard per assessor and plan, e.g. made with the scorecard template. A folder reads every scorecard in it; the lock files Excel and LibreOffice keep beside an open file (~$…, .~lock.…) are skipped with a note.</source>
            <translation>每位评估者对每个规划填写一份评分表，例如使用评分表模板生成。给出文件夹时读取其中的所有评分表；Excel 和 LibreOffice 在打开的文件旁保存的锁定文件（~$…、.~lock.…）将被跳过并在日志中注明。</translation>
        </message>
        <message>
            <source>One point or polygon per settlement.</source>
            <translation>每个居民点一个点或多边形。</translation>
        </message>
        <message>
            <source>One point per facility (school, clinic, market…).</source>
            <translation>每个设施一个点（学校、诊所、市场……）。</translation>
        </message>
        <message>
            <source>One polygon per city (for example from Urban extent from built-up data).</source>
            <translation>每个城市一个多边形（例如由“由建成区数据生成城市范围”工具得到）。</translation>
        </message>
        <message>
            <source>One polygon per city: id, name, area and its urban, suburban, fringe and captured open space areas in km², year and population. Use it as the urban extent of the SDG 11.7.1 tools.</source>
            <translation>每个城市一个面：编号、名称、面积及其城市、郊区、边缘和被包围开放空间的面积（平方公里）、年份和人口。可作为可持续发展目标 11.7.1 工具的城市范围。</translation>
        </message>
        <message>
            <source>One polygon per city: the built-up urban extent the indicator is measured in.</source>
            <translation>每个城市一个面：计算指标所用的建成区城市范围。</translation>
        </message>
        <message>
            <source>One polygon per site, largest first: site_id, name, area_m2, built_pct (mean built-up share of its cells, %), source and kind. Give it to "Where to add public space (siting)" as its candidate sites.</source>
            <translation>每个地块一个多边形，面积大的在前：site_id、name、area_m2、built_pct（其像元的平均建成区比例，%）、source 和 kind。可作为“在哪里新增公共空间（选址）”的候选地块。</translation>
        </message>
        <message>
            <source>One row per district, and one for the whole city, with the indicators a public space strategy tracks: the share of the district's urban area in open public space and in streets (SDG 11.7.1 (a), measured as SDG 11.7.1 land allocated to streets and public space does), open public space per person, the share of the population within walking distance of an open public space for every population group (SDG 11.7.1 (b), as Walking access to public space measures it), and, when their layers are given, the mean quality index and the weakest quality dimension of the surveyed spaces, the number of spaces among the first of the upgrade priority list, and the unserved clusters and the people in them. A space, candidate or cluster belongs to the district that holds its representative point. Give the table of an earlier run to track progress: the change of every indicator is added, districts matched by name. Writes a layer of the districts, a table and a report in two languages (English and Chinese) with one page per district, to paste into a public space strategy.</source>
            <translation>每个区一行，另有全市一行，给出公共空间战略跟踪的指标：该区城市用地中开放公共空间和街道所占比例（可持续发展目标 11.7.1 (a)，按“可持续发展目标 11.7.1 街道和公共空间用地”的方法测量）、人均开放公共空间、各人口群体在步行距离内可达开放公共空间的比例（可持续发展目标 11.7.1 (b)，按“步行可达公共空间”的方法测量），以及在提供相应图层时，已调查公共空间的平均质量指数和最薄弱的质量维度、升级优先级列表前几名中的公共空间数量、未服务人口集聚区及其中的人口。公共空间、候选对象或集聚区归属于包含其代表点的区。提供以前某次运行的表格即可跟踪进展：添加每个指标的变化，区按名称匹配。输出区图层、表格和双语（英文和中文）报告，每区一页，可直接粘贴到公共空间战略中。</translation>
        </message>
        <message>
            <source>One row per indicator: a key that stays the same in every language, the indicator, baseline, scenario and change.</source>
            <translation>每个指标一行：在任何语言下都不变的键、指标、基线、情景和变化。</translation>
        </message>
        <message>
            <source>One row per number of new spaces (0 = today): population served and share served, for all residents and for the chosen group.</source>
            <translation>每个新增公共空间数量一行（0 = 目前）：全体居民和所选人口群体的服务人口及服务比例。</translation>
        </message>
        <message>
            <source>One row per settlement and expected function it lacks: its level, the travel time to the nearest provider and that provider's name.</source>
            <translation>每个居民点及其缺少的每项应有功能各占一行：其等级、到最近提供者的出行时间以及该提供者的名称。</translation>
        </message>
        <message>
            <source>One weight per indicator, in the order of the indicators, comma-separated (e.g. 2, 1, 1). Empty: equal weights. They are rescaled to sum to 1.</source>
            <translation>每个指标一个权重，按指标顺序以逗号分隔（例如 2, 1, 1）。留空：等权。权重会被重新缩放使其和为 1。</translation>
        </message>
        <message>
            <source>Only the spaces that count for SDG 11.7.1 (for example the counted spaces of the public space inventory). Invalid polygons are repaired and reported.</source>
            <translation>仅包括计入可持续发展目标 11.7.1 的公共空间（例如公共空间盘点中计入的空间）。无效的面会被修复并报告。</translation>
        </message>
        <message>
            <source>Only the {0} largest sites were kept; smaller ones were left out.</source>
            <translation>只保留了最大的 {0} 个地块；较小的未计入。</translation>
        </message>
        <message>
            <source>Only this many sites are kept, the largest first.</source>
            <translation>只保留这么多地块，面积大的优先。</translation>
        </message>
        <message>
            <source>Only {0} settlements have different centrality values: they cannot be cut into {1} hierarchy levels. Choose fewer levels.</source>
            <translation>只有 {0} 个居民点的中心性数值互不相同：无法划分为 {1} 个等级。请选择更少的等级。</translation>
        </message>
        <message>
            <source>Only {0} settlements have different index values: too few for {1} classes. No class was given; choose fewer classes.</source>
            <translation>只有 {0} 个居民点的指数值互不相同：不足以划分 {1} 个类别。未给出类别；请选择更少的类别。</translation>
        </message>
        <message>
            <source>Only {0} sites were chosen: no other candidate site serves anyone new within the walking distance (or fits the budget).</source>
            <translation>只选择了 {0} 个地块：其他候选地块都不能在步行距离内新增服务任何人（或超出预算）。</translation>
        </message>
        <message>
            <source>Open a layer from a file…</source>
            <translation>从文件打开图层…</translation>
        </message>
        <message>
            <source>Open cells whose centres lie within this distance of an urban or suburban built-up cell are fringe open space (100 m in the Atlas).</source>
            <translation>中心位于城市或郊区建成区像元此距离以内的开放像元为边缘开放空间（地图集中为 100 米）。</translation>
        </message>
        <message>
            <source>Open land {0}</source>
            <translation>开放用地 {0}</translation>
        </message>
        <message>
            <source>Open land: built-up share at most (0–1)</source>
            <translation>开放用地：建成区比例不超过（0–1）</translation>
        </message>
        <message>
            <source>Open public space</source>
            <translation>开放公共空间</translation>
        </message>
        <message>
            <source>Open public space (%)</source>
            <translation>开放公共空间（%）</translation>
        </message>
        <message>
            <source>Open public space per person</source>
            <translation>人均开放公共空间</translation>
        </message>
        <message>
            <source>Open public space, % of urban area</source>
            <translation>开放公共空间占城市用地比例</translation>
        </message>
        <message>
            <source>Open public spaces (polygons)</source>
            <translation>开放公共空间（面）</translation>
        </message>
        <message>
            <source>Open scorecard…</source>
            <translation>打开评分表…</translation>
        </message>
        <message>
            <source>Open space polygons from any source: land-use plans, field survey, OpenStreetMap.</source>
            <translation>任意来源的开放空间面：土地利用规划、实地调查、OpenStreetMap。</translation>
        </message>
        <message>
            <source>Open space polygons from any source: plans, field survey or OpenStreetMap.</source>
            <translation>任何来源的开放空间多边形：规划、实地调查或 OpenStreetMap。</translation>
        </message>
        <message>
            <source>Open the OSGeo4W Shell and run: python -m pip install {0}</source>
            <translation>请打开 OSGeo4W Shell 并运行：python -m pip install {0}</translation>
        </message>
        <message>
            <source>Open the output folder</source>
            <translation>打开输出文件夹</translation>
        </message>
        <message>
            <source>OpenStreetMap</source>
            <translation>OpenStreetMap</translation>
        </message>
        <message>
            <source>OpenStreetMap lines</source>
            <translation>OpenStreetMap 线</translation>
        </message>
        <message>
            <source>OpenStreetMap polygons</source>
            <translation>OpenStreetMap 面</translation>
        </message>
        <message>
            <source>Optimality gap (%)</source>
            <translation>最优性差距（%）</translation>
        </message>
        <message>
            <source>Optional: an entry fee means the space does not count.</source>
            <translation>可选：收取入场费的空间不计入。</translation>
        </message>
        <message>
            <source>Optional: districts, for results per district.</source>
            <translation>可选：区，用于分区结果。</translation>
        </message>
        <message>
            <source>Optional: districts, to compare their spaces.</source>
            <translation>可选：区，用于比较各区的空间。</translation>
        </message>
        <message>
            <source>Optional: every populated cell or feature as a point with its walking distance and whether it is served, to map who is left out. Large for a whole-city grid.</source>
            <translation>可选：将每个有人口的像元或要素输出为点，附带其步行距离及是否可达，用于在地图上显示未被覆盖的人群。对全市栅格而言数据量较大。</translation>
        </message>
        <message>
            <source>Optional: new facilities, added to today's, with the same function field.</source>
            <translation>可选：新增设施，添加到现状设施中，使用相同的功能字段。</translation>
        </message>
        <message>
            <source>Optional: people, to count the population within reach.</source>
            <translation>可选：人口，用于统计可到达范围内的人口。</translation>
        </message>
        <message>
            <source>Optional: people, to weight the balance between parts of the region.</source>
            <translation>可选：人口，用于区域各部分之间均衡的加权。</translation>
        </message>
        <message>
            <source>Optional: polygons of the cities whose plans were assessed.</source>
            <translation>可选：规划被评估的城市的多边形。</translation>
        </message>
        <message>
            <source>Optional: private or no access means the space does not count.</source>
            <translation>可选：私有或不可进入的空间不计入。</translation>
        </message>
        <message>
            <source>Optional: road class, for the speed of each road.</source>
            <translation>可选：道路等级，用于确定各道路的速度。</translation>
        </message>
        <message>
            <source>Optional: road class, for widths where the width is missing.</source>
            <translation>可选：道路等级，用于在缺少宽度时确定宽度。</translation>
        </message>
        <message>
            <source>Optional: street width in metres; else typical widths by road class.</source>
            <translation>可选：街道宽度（米）；否则按道路等级取典型宽度。</translation>
        </message>
        <message>
            <source>Optional: the centrality index of the functional analysis (e.g. centrality). When given, the settlements are also classed by centrality alone and by centrality and development together, as the central, intermediate and local sectors of a Spatial Development Framework.</source>
            <translation>可选：功能分析得出的中心性指数（例如 centrality）。给定后，还会仅按中心性、以及按中心性和发展水平综合对居民点分级，对应空间发展框架中的主要中心、次级中心和地方中心片区。</translation>
        </message>
        <message>
            <source>Optional: the class of each new road.</source>
            <translation>可选：每条新建道路的等级。</translation>
        </message>
        <message>
            <source>Optional: the cost of each site, shown beside its gain.</source>
            <translation>可选：各地块的成本，与其收益并列显示。</translation>
        </message>
        <message>
            <source>Optional: the name shown in the tables and reports.</source>
            <translation>可选：表格和报告中显示的名称。</translation>
        </message>
        <message>
            <source>Optional: the names shown in the report.</source>
            <translation>可选：报告中显示的名称。</translation>
        </message>
        <message>
            <source>Optional: the scorecard table of an earlier run, to show the change per district.</source>
            <translation>可选：之前运行得到的评分表表，用于显示各区的变化。</translation>
        </message>
        <message>
            <source>Optional: the site names in the ranking.</source>
            <translation>可选：排名中显示的地块名称。</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>顺序</translation>
        </message>
        <message>
            <source>Ordered by travel time to the nearest top-level centre, longest first; settlements without a road within reach come first ("no road"), then those on roads that reach no centre ("no centre").</source>
            <translation>按到最近最高等级中心的出行时间排序，最长者在前；可达范围内没有道路的居民点排在最前（“无道路”），其次是所在道路无法到达任何中心的居民点（“无中心”）。</translation>
        </message>
        <message>
            <source>Other districts</source>
            <translation>其他区</translation>
        </message>
        <message>
            <source>Other land to leave out (optional)</source>
            <translation>其他不计入的用地（可选）</translation>
        </message>
        <message>
            <source>Output folder</source>
            <translation>输出文件夹</translation>
        </message>
        <message>
            <source>Output folder: {0}</source>
            <translation>输出文件夹：{0}</translation>
        </message>
        <message>
            <source>Overall (% of the potential score)</source>
            <translation>总体（占满分 %）</translation>
        </message>
        <message>
            <source>PDF reports need QGIS; save the report as HTML instead.</source>
            <translation>PDF 报告需要 QGIS；请改为保存 HTML 报告。</translation>
        </message>
        <message>
            <source>Parameters</source>
            <translation>参数</translation>
        </message>
        <message>
            <source>Park</source>
            <translation>公园</translation>
        </message>
        <message>
            <source>Parts of the region (districts) for the balance between and within them; the hierarchy levels when empty.</source>
            <translation>区域的组成部分（区），用于衡量其间和其内部的均衡；为空时按等级分组。</translation>
        </message>
        <message>
            <source>People (points)</source>
            <translation>人口（分）</translation>
        </message>
        <message>
            <source>People depend on their nearest space within this walking distance; SDG 11.7.1 uses 400 m.</source>
            <translation>人们依赖此步行距离内离他们最近的空间；可持续发展目标 11.7.1 使用 400 米。</translation>
        </message>
        <message>
            <source>People depending on a space without a quality index</source>
            <translation>依赖无质量指数空间的人口</translation>
        </message>
        <message>
            <source>People depending on a surveyed space</source>
            <translation>依赖已调查空间的人口</translation>
        </message>
        <message>
            <source>People farther than this from every open public space are not served. SDG 11.7.1 uses 400 m.</source>
            <translation>距所有开放公共空间超过此距离的人口未被服务。可持续发展目标 11.7.1 使用 400 米。</translation>
        </message>
        <message>
            <source>People in unserved clusters</source>
            <translation>未服务人口集聚区内的人口</translation>
        </message>
        <message>
            <source>People newly served</source>
            <translation>新增服务人口</translation>
        </message>
        <message>
            <source>People not served</source>
            <translation>未被服务人口</translation>
        </message>
        <message>
            <source>People of each settlement: the population within reach, the mass of the centres in the accessibility and the weights of the regional balance. Without it every settlement counts once and the centres' mass is their centrality.</source>
            <translation>各居民点的人口：用于可到达范围内的人口、可达性中各中心的规模以及区域均衡的权重。不提供时，每个居民点计一次，中心的规模为其中心性。</translation>
        </message>
        <message>
            <source>People within walking distance of open public space</source>
            <translation>步行距离内可达开放公共空间的人口比例</translation>
        </message>
        <message>
            <source>People: dependants</source>
            <translation>人口：依赖人口</translation>
        </message>
        <message>
            <source>Per city and district: area, public space, street and total area, their shares, the street share with widths 25 % narrower and wider, the benchmarks, and the sampling estimate when asked.</source>
            <translation>按城市和区：面积、公共空间、街道和合计面积及其比例，宽度缩窄和加宽 25 % 时的街道比例，基准值，以及（如选择）抽样估算值。</translation>
        </message>
        <message>
            <source>Per space and question: the number of answers, the mean score, the mean of a count and the most common answer.</source>
            <translation>按空间和问题：答案数、平均得分、计数的平均值和最常见的答案。</translation>
        </message>
        <message>
            <source>Percent agreement</source>
            <translation>一致百分比</translation>
        </message>
        <message>
            <source>Persons per cell (band 1) at the date of the built-up raster, such as WorldPop or GHS-POP: the people in each extent. Coarse cells are shared between extents in proportion to area.</source>
            <translation>建成区栅格日期时每个像元的人数（波段 1），如 WorldPop 或 GHS-POP：用于计算每个范围内的人口。粗像元按面积比例在各范围之间分配。</translation>
        </message>
        <message>
            <source>Persons per cell (band 1) at the earlier date.</source>
            <translation>较早日期时每个像元的人数（波段 1）。</translation>
        </message>
        <message>
            <source>Persons per cell (band 1: total), for the m² of public space per inhabitant of each district.</source>
            <translation>每个像元的人数（波段 1：总人口），用于计算各区人均公共空间面积（平方米）。</translation>
        </message>
        <message>
            <source>Persons per cell; every band is a population group (band 1: total). Give either this grid or a population layer.</source>
            <translation>每个单元的人数；每个波段是一个人口群体（波段 1：总人口）。请给出此栅格或人口图层之一。</translation>
        </message>
        <message>
            <source>Persons per cell; every band is a population group (band 1: total). Nodata cells are ignored and counted. Give either this grid or a population layer.</source>
            <translation>每个像元的人数；每个波段为一个人口群体（波段 1：总人口）。无数据像元被忽略并计数。请提供此栅格或人口图层之一。</translation>
        </message>
        <message>
            <source>Persons per cell; every band is a population group (band 1: total). Nodata cells are ignored. Give either this grid or a population layer.</source>
            <translation>每个网格单元的人数；每个波段是一个人口群体（波段 1：总人口）。无数据单元被忽略。请提供此栅格或人口图层之一。</translation>
        </message>
        <message>
            <source>Persons with disabilities</source>
            <translation>残疾人</translation>
        </message>
        <message>
            <source>Pitches, stadiums, tracks, sports centres, forest, wood, scrub and allotments count by default (the CIESIN global 11.7.1 counts pitches, forest, wood, scrub and allotments); cemeteries and school grounds do not, as they are not open to all. Count none of them for a strict inventory, or all of them. Every such space is flagged for review either way.</source>
            <translation>默认计入运动场、体育场、跑道、体育中心、森林、林地、灌木丛和租赁菜园（CIESIN 全球可持续发展目标 11.7.1 计入运动场、森林、林地、灌木丛和租赁菜园）；墓地和学校场地不对所有人开放，默认不计入。若要从严盘点，可选择全部不计入，也可选择全部计入。无论选择哪种规则，这些空间都会标记为待复核。</translation>
        </message>
        <message>
            <source>Place name field</source>
            <translation>地名字段</translation>
        </message>
        <message>
            <source>Plan assessment</source>
            <translation>规划评估</translation>
        </message>
        <message>
            <source>Plan assessment (guided)…</source>
            <translation>规划评估（向导）…</translation>
        </message>
        <message>
            <source>Plan assessment scorecard template</source>
            <translation>规划评估评分表模板</translation>
        </message>
        <message>
            <source>Plan name</source>
            <translation>规划名称</translation>
        </message>
        <message>
            <source>Plan quality index</source>
            <translation>规划质量指数</translation>
        </message>
        <message>
            <source>Plan scores by city</source>
            <translation>各城市规划得分</translation>
        </message>
        <message>
            <source>Points or polygons of cities and towns with their names: a point names the extent it lies in, a polygon the extent it overlaps most. Extents without a place are called Urban extent 1, 2, ...</source>
            <translation>带名称的城市和城镇点或面：点为其所在的范围命名，面为与其重叠最多的范围命名。没有地名的范围称为“城市范围 1、2……”</translation>
        </message>
        <message>
            <source>Polygons of land that cannot become public space: water, railways, protected or private land.</source>
            <translation>不能成为公共空间的用地多边形：水体、铁路、保护用地或私有用地。</translation>
        </message>
        <message>
            <source>Population</source>
            <translation>人口</translation>
        </message>
        <message>
            <source>Population (100 m grid)</source>
            <translation>人口（100 米格网）</translation>
        </message>
        <message>
            <source>Population and districts</source>
            <translation>人口与区</translation>
        </message>
        <message>
            <source>Population cells of {0} m were {1}.</source>
            <translation>{0} 米的人口栅格单元已{1}。</translation>
        </message>
        <message>
            <source>Population count fields</source>
            <translation>人口数量字段</translation>
        </message>
        <message>
            <source>Population depending on a space</source>
            <translation>依赖某一空间的人口</translation>
        </message>
        <message>
            <source>Population field</source>
            <translation>人口字段</translation>
        </message>
        <message>
            <source>Population field of the places</source>
            <translation>地点的人口字段</translation>
        </message>
        <message>
            <source>Population grid (optional)</source>
            <translation>人口栅格（可选）</translation>
        </message>
        <message>
            <source>Population grid (raster)</source>
            <translation>人口栅格</translation>
        </message>
        <message>
            <source>Population grid (raster, optional)</source>
            <translation>人口栅格（可选）</translation>
        </message>
        <message>
            <source>Population grid cells larger than this (such as 250 m or 1 km grids) are spread over sub-cells of at most this size before the walking distances are measured; a coarse cell is otherwise either wholly served or not at all.</source>
            <translation>大于此尺寸的人口栅格单元（如 250 米或 1 公里栅格）在计算步行距离之前会分配到不超过此尺寸的子单元中；否则一个粗栅格单元只能整体被覆盖或整体不被覆盖。</translation>
        </message>
        <message>
            <source>Population grid cells larger than this are spread evenly over sub-cells of at most this size before the walking distances are measured.</source>
            <translation>在测算步行距离之前，大于此尺寸的人口栅格单元被平均分配到不超过此尺寸的子单元上。</translation>
        </message>
        <message>
            <source>Population grid cells larger than this are spread evenly over sub-cells of at most this size.</source>
            <translation>大于此值的人口栅格单元会被均匀分摊到不大于此尺寸的子单元。</translation>
        </message>
        <message>
            <source>Population grid cells larger than this are spread over sub-cells of at most this size first.</source>
            <translation>大于此值的人口栅格单元会先分摊到不超过此大小的子单元上。</translation>
        </message>
        <message>
            <source>Population grid of the earlier date</source>
            <translation>较早日期的人口栅格</translation>
        </message>
        <message>
            <source>Population grid {0}: {1} people, {2} of them inside the urban extents ({3} %).</source>
            <translation>人口栅格 {0}：{1} 人，其中 {2} 人位于城市范围内（{3}%）。</translation>
        </message>
        <message>
            <source>Population group</source>
            <translation>人口群体</translation>
        </message>
        <message>
            <source>Population group to serve (optional)</source>
            <translation>要服务的人口群体（可选）</translation>
        </message>
        <message>
            <source>Population input inside the urban extent: {0} of {1} people ({2} %); only they count.</source>
            <translation>人口输入中位于城市范围内的人口：{1} 人中的 {0} 人（{2}%）；只计算这部分人口。</translation>
        </message>
        <message>
            <source>Population layer (points or polygons)</source>
            <translation>人口图层（点或面）</translation>
        </message>
        <message>
            <source>Population not served</source>
            <translation>未被服务人口</translation>
        </message>
        <message>
            <source>Population points with walking distance</source>
            <translation>带步行距离的人口点</translation>
        </message>
        <message>
            <source>Population served</source>
            <translation>可达人口</translation>
        </message>
        <message>
            <source>Population within walking distance</source>
            <translation>步行距离以内的人口</translation>
        </message>
        <message>
            <source>Population within walking distance today</source>
            <translation>目前步行距离内的人口</translation>
        </message>
        <message>
            <source>Population, population served and share served for the whole city and each district, for every population group and method.</source>
            <translation>全市及各区每个人口群体、每种方法的人口、可达人口和可达比例。</translation>
        </message>
        <message>
            <source>Population, served, unserved and the unserved share for the whole city and each district, for every population group, with the number of clusters.</source>
            <translation>全市和每个区、每个人口群体的人口、被服务人口、未被服务人口和未被服务比例，以及集聚区数量。</translation>
        </message>
        <message>
            <source>Population-weighted inequality between the settlements (0 = equal): the Theil index splits into the inequality between the groups (districts, or the hierarchy levels) and within them; a project that lowers them moves the region towards balanced regional development (SDG 11.a.1 (b)).</source>
            <translation>按人口加权的居民点间不平等（0 = 完全均等）：泰尔指数分解为组间（区，或等级）不平等和组内不平等；降低这些不平等的建设工程推动区域走向均衡发展（可持续发展目标 11.a.1 (b)）。</translation>
        </message>
        <message>
            <source>Potential: settlements near a development corridor (a main road, a planned axis).</source>
            <translation>潜力：靠近发展走廊（主要道路、规划轴线）的居民点。</translation>
        </message>
        <message>
            <source>Potential: the higher the accessibility, the higher the potential (e.g. hansen).</source>
            <translation>潜力：可达性越高，潜力越高（例如 hansen）。</translation>
        </message>
        <message>
            <source>Potential: the higher the centrality, the higher the potential (e.g. centrality).</source>
            <translation>潜力：中心性越高，潜力越高（例如 centrality）。</translation>
        </message>
        <message>
            <source>Power, minutes^−β</source>
            <translation>幂函数，分钟^−β</translation>
        </message>
        <message>
            <source>Previous scorecard (optional)</source>
            <translation>上一期评分表（可选）</translation>
        </message>
        <message>
            <source>Principle</source>
            <translation>原则</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>优先级</translation>
        </message>
        <message>
            <source>Priority (0–100)</source>
            <translation>优先级（0–100）</translation>
        </message>
        <message>
            <source>Priority score</source>
            <translation>优先级得分</translation>
        </message>
        <message>
            <source>Priority {0}–{1}</source>
            <translation>优先级 {0}–{1}</translation>
        </message>
        <message>
            <source>Private roads left out</source>
            <translation>排除的私有道路数</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>Projected CRS in metres used for all distances and areas. Leave empty to keep the inputs' CRS when it is projected in metres, or to use the UTM zone of the data otherwise.</source>
            <translation>用于计算所有距离和面积的投影坐标参考系（单位为米）。留空时：若输入数据已是以米为单位的投影坐标参考系则保留之，否则使用数据所在的 UTM 分带。</translation>
        </message>
        <message>
            <source>Public facility open area</source>
            <translation>公共设施开放区</translation>
        </message>
        <message>
            <source>Public space</source>
            <translation>公共空间</translation>
        </message>
        <message>
            <source>Public space (% of urban area)</source>
            <translation>公共空间（占城市面积 %）</translation>
        </message>
        <message>
            <source>Public space by district and type</source>
            <translation>按区和类型统计的公共空间</translation>
        </message>
        <message>
            <source>Public space inventory</source>
            <translation>公共空间盘点</translation>
        </message>
        <message>
            <source>Public space inventory (optional)</source>
            <translation>公共空间盘点（可选）</translation>
        </message>
        <message>
            <source>Public space quality</source>
            <translation>公共空间质量</translation>
        </message>
        <message>
            <source>Public space quality (optional)</source>
            <translation>公共空间质量（可选）</translation>
        </message>
        <message>
            <source>Public space quality (polygons)</source>
            <translation>公共空间质量（面）</translation>
        </message>
        <message>
            <source>Public space quality from a survey</source>
            <translation>基于调查的公共空间质量</translation>
        </message>
        <message>
            <source>Public space quality from a survey (KoboToolbox)</source>
            <translation>基于调查的公共空间质量（Kobo 工具箱）</translation>
        </message>
        <message>
            <source>Public space quality from a survey (guided)…</source>
            <translation>基于调查的公共空间质量（向导）…</translation>
        </message>
        <message>
            <source>Public space scorecard</source>
            <translation>公共空间评分表</translation>
        </message>
        <message>
            <source>Public space scorecard (table)</source>
            <translation>公共空间评分表（表格）</translation>
        </message>
        <message>
            <source>Public space scorecard by district</source>
            <translation>分区公共空间评分表</translation>
        </message>
        <message>
            <source>Public space survey form (KoboToolbox)</source>
            <translation>公共空间调查表（Kobo 工具箱）</translation>
        </message>
        <message>
            <source>Public spaces</source>
            <translation>公共空间</translation>
        </message>
        <message>
            <source>Public spaces (polygons)</source>
            <translation>公共空间（面）</translation>
        </message>
        <message>
            <source>Public spaces and survey</source>
            <translation>公共空间与调查</translation>
        </message>
        <message>
            <source>Public spaces from OpenStreetMap</source>
            <translation>来自 OpenStreetMap 的公共空间</translation>
        </message>
        <message>
            <source>Public spaces to upgrade</source>
            <translation>待升级的公共空间</translation>
        </message>
        <message>
            <source>Public spaces to upgrade first</source>
            <translation>优先升级的公共空间</translation>
        </message>
        <message>
            <source>Quality answers by question</source>
            <translation>按问题统计的质量调查答案</translation>
        </message>
        <message>
            <source>Quality by dimension</source>
            <translation>按维度的质量</translation>
        </message>
        <message>
            <source>Quality by space</source>
            <translation>按空间的质量</translation>
        </message>
        <message>
            <source>Quality index</source>
            <translation>质量指数</translation>
        </message>
        <message>
            <source>Quality index field</source>
            <translation>质量指数字段</translation>
        </message>
        <message>
            <source>Quality index of the open public spaces</source>
            <translation>开放公共空间的质量指数</translation>
        </message>
        <message>
            <source>Quality index {0}–{1}</source>
            <translation>质量指数 {0}–{1}</translation>
        </message>
        <message>
            <source>Quality of the open public spaces from the field survey "{0}" (version {1}).</source>
            <translation>基于实地调查“{0}”（版本 {1}）的开放公共空间质量。</translation>
        </message>
        <message>
            <source>Quality per dimension across the city, its spread per district, a radar chart per space and the import problems, in the language of QGIS.</source>
            <translation>全市各维度的质量、各区的分布、每个空间的雷达图以及导入问题，使用 QGIS 的界面语言。</translation>
        </message>
        <message>
            <source>Quantiles</source>
            <translation>分位数</translation>
        </message>
        <message>
            <source>Question of the questionnaire missing from the export; not scored</source>
            <translation>导出文件中缺少问卷的该问题；不计分</translation>
        </message>
        <message>
            <source>Questionnaire definition (JSON, optional)</source>
            <translation>问卷定义（JSON，可选）</translation>
        </message>
        <message>
            <source>Radius of the circle (m)</source>
            <translation>圆的半径（米）</translation>
        </message>
        <message>
            <source>Rank</source>
            <translation>排名</translation>
        </message>
        <message>
            <source>Ranking</source>
            <translation>排名</translation>
        </message>
        <message>
            <source>Ranks settlements for investment by combining need (a low development index, a long travel time to a centre, being beyond the service time of a centre) and potential (centrality, accessibility, being on a development corridor) with your weights. Each component is scaled to 0 to 1 across the settlements; the score is 0 to 100, and the contribution of every component is kept as a column, so that the ranking can be explained to decision makers. Use the fields written by the functional analysis, the development index and the accessibility tools; leave out what you do not have.</source>
            <translation>按您设定的权重综合需求（发展指数低、到中心的出行时间长、超出中心的服务时间）和潜力（中心性、可达性、位于发展走廊上），对居民点的投资优先级进行排名。每个分项在所有居民点中缩放到 0 至 1；得分为 0 至 100，每个分项的贡献作为单独的字段保留，以便向决策者解释排名结果。请使用功能分析、发展指数和可达性工具输出的字段；没有的数据可以省略。</translation>
        </message>
        <message>
            <source>Ranks the existing public spaces for upgrading: the quality index of each surveyed space (from Public space quality from a survey) combined with the people who depend on it, that is whose nearest space it is along the street network within the walking distance (400 m by default). The walking network, the entrances and the population input are those of SDG 11.7.1 (b) walking access, so every person served there depends on exactly one space here. The priority, 0 to 100, is the need part (100 minus the quality index) plus the people part (dependants relative to the surveyed space most people depend on), weighted 0.5 and 0.5 by default; both parts are kept as fields and shown in the report, with each space's two weakest quality dimensions. Rank 1 is upgraded first. Spaces without a quality index (never surveyed, or a dimension unanswered) get no score: they are listed last, most dependants first, to be surveyed first.</source>
            <translation>为现有公共空间的升级排序：每个已调查空间的质量指数（来自“基于调查的公共空间质量”）与依赖它的人口相结合，依赖人口即沿街道网络在步行距离（默认 400 米）内离其最近的空间为该空间的人。步行网络、入口和人口输入与可持续发展目标 11.7.1 (b) 步行可达性相同，因此在那里被服务的每个人在这里恰好依赖一个空间。优先级为 0 到 100，等于需求部分（100 减去质量指数）加上人口部分（依赖人口相对于依赖人口最多的已调查空间的比例），默认权重各为 0.5；两部分都作为字段保留并在报告中显示，同时给出每个空间两个最弱的质量维度。排名第 1 的最先升级。没有质量指数的空间（从未调查，或有维度未作答）不计分：它们列在最后，依赖人口最多的在前，应先调查。</translation>
        </message>
        <message>
            <source>Read {0} as {1}.</source>
            <translation>已按 {1} 编码读取 {0}。</translation>
        </message>
        <message>
            <source>Reading {0} needs the Python package {1}, which is not installed. Install it, for example with: {2}</source>
            <translation>读取 {0} 需要 Python 包 {1}，但它尚未安装。请安装，例如运行：{2}</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Recommendations: {0}</source>
            <translation>建议：{0}</translation>
        </message>
        <message>
            <source>Recreational green area</source>
            <translation>休闲绿地</translation>
        </message>
        <message>
            <source>Reflected</source>
            <translation>是否体现</translation>
        </message>
        <message>
            <source>Regional balance</source>
            <translation>区域均衡</translation>
        </message>
        <message>
            <source>Reilly's law (gravity)</source>
            <translation>Reilly 法则（引力）</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>Repaired geometries</source>
            <translation>已修复的几何</translation>
        </message>
        <message>
            <source>Replace the baseline facilities (an edited copy)</source>
            <translation>替换基线设施（编辑后的副本）</translation>
        </message>
        <message>
            <source>Replace the current project with the workshop data? Unsaved changes are lost.</source>
            <translation>用培训数据替换当前工程吗？未保存的更改将丢失。</translation>
        </message>
        <message>
            <source>Replace the earlier results</source>
            <translation>替换之前的结果</translation>
        </message>
        <message>
            <source>Report (HTML)</source>
            <translation>报告（HTML）</translation>
        </message>
        <message>
            <source>Report: {0}</source>
            <translation>报告：{0}</translation>
        </message>
        <message>
            <source>Residents by district</source>
            <translation>各区居民</translation>
        </message>
        <message>
            <source>Right-of-way width of each road class (highway value), used where a street has no readable width tag. The defaults are the plugin's documented table (docs/street-widths.md), the same as in the land-share tool: replace them with widths measured in the city.</source>
            <translation>各道路等级（highway 值）的道路红线宽度，用于没有可识别宽度标签的街道。默认值为插件文档中的表（docs/street-widths.md），与用地比例工具相同：请用本市实测宽度替换。</translation>
        </message>
        <message>
            <source>Right-of-way width of each road class, as in Land allocated to streets and public space.</source>
            <translation>各道路等级的道路红线宽度，与“街道和公共空间用地”相同。</translation>
        </message>
        <message>
            <source>Right-of-way width of each road class. The defaults are the plugin's documented table (docs/street-widths.md), the same as in Streets from OpenStreetMap: replace them with widths measured in the city.</source>
            <translation>各道路等级的道路红线宽度。默认值为插件文档中的表（docs/street-widths.md），与“从 OpenStreetMap 生成街道”相同：请用本市实测宽度替换。</translation>
        </message>
        <message>
            <source>Road class</source>
            <translation>道路等级</translation>
        </message>
        <message>
            <source>Road class (OSM highway values): the width of streets without a measured one, and the classes nobody walks along.</source>
            <translation>道路等级（OSM highway 值）：用于没有实测宽度的街道宽度，以及无人步行的道路等级。</translation>
        </message>
        <message>
            <source>Road class (from the speed table) of new roads without a class field.</source>
            <translation>没有等级字段时新建道路的道路等级（取自速度表）。</translation>
        </message>
        <message>
            <source>Road class (such as the OpenStreetMap highway tag) looked up in the width table.</source>
            <translation>道路等级（例如 OpenStreetMap 的 highway 标签），用于在宽度表中查找。</translation>
        </message>
        <message>
            <source>Road class field</source>
            <translation>道路等级字段</translation>
        </message>
        <message>
            <source>Road class looked up in the speed table (e.g. the OpenStreetMap highway tag).</source>
            <translation>道路等级，用于在速度表中查找（例如 OpenStreetMap 的 highway 标签）。</translation>
        </message>
        <message>
            <source>Road class of each new road, looked up in the speed table; the class below when empty.</source>
            <translation>每条新建道路的道路等级，用于在速度表中查找；为空时使用下方的等级。</translation>
        </message>
        <message>
            <source>Road classes (OSM highway values): the width table and the walking network (motorways and trunk roads left out) use them.</source>
            <translation>道路等级（OSM highway 值）：宽度表和步行网络（排除高速公路和干线公路）均使用该字段。</translation>
        </message>
        <message>
            <source>Road classes nobody walks along</source>
            <translation>不可步行的道路等级</translation>
        </message>
        <message>
            <source>Road classes nobody walks along: {0} is not a street class this tool keeps (one of {1}). Check the spelling.</source>
            <translation>不可步行的道路等级：{0} 不是本工具保留的街道等级（应为 {1} 之一）。请检查拼写。</translation>
        </message>
        <message>
            <source>Road network</source>
            <translation>道路网络</translation>
        </message>
        <message>
            <source>Roads</source>
            <translation>道路</translation>
        </message>
        <message>
            <source>Roads of the region; lines sharing a vertex are connected.</source>
            <translation>区域内的道路；共享节点的线相互连通。</translation>
        </message>
        <message>
            <source>Roads the scenario adds. A line on the same vertices as an existing road replaces it (an upgrade): copy the road and change its class.</source>
            <translation>情景新增的道路。与现有道路顶点相同的线将替换该道路（即升级）：复制该道路并修改其等级。</translation>
        </message>
        <message>
            <source>Rondinelli's functional analysis (Urban Functions in Rural Development, UNU) maps the service areas of each function, the unserved areas and the gaps of the settlement system: the functions that settlements of a level of the hierarchy usually have and some lack. Travel times are network times to the nearest settlement having the function, with speeds by road class and the off-road speed to the nearest road; 0 where the settlement has the function itself.</source>
            <translation>Rondinelli 的功能分析（《农村发展中的城市功能》，联合国大学）描绘每种功能的服务区、未服务地区以及居民点体系的缺口：某一等级的居民点通常具有而部分居民点缺少的功能。出行时间是到最近的具有该功能的居民点的网络时间，按道路等级设定速度，并以非道路速度到达最近的道路；居民点自身具有该功能时为 0。</translation>
        </message>
        <message>
            <source>Rondinelli's functional analysis (Urban Functions in Rural Development, UNU): each function is worth 100 points shared equally among the settlements that have it; the centrality index of a settlement is the sum of its functions' points. Guttman's coefficient of reproducibility should reach 0.90 and Menzel's coefficient of scalability 0.60 for the functions to form a hierarchy.</source>
            <translation>Rondinelli 的功能分析（《农村发展中的城市功能》，联合国大学）：每种功能计 100 分，由具有该功能的居民点平均分享；居民点的中心性指数为其所有功能分值之和。功能要形成等级体系，Guttman 再现性系数应达到 0.90，Menzel 可量表性系数应达到 0.60。</translation>
        </message>
        <message>
            <source>Row {0} of the table has no road class.</source>
            <translation>表格第 {0} 行没有道路等级。</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>运行</translation>
        </message>
        <message>
            <source>Running {0}…</source>
            <translation>正在运行{0}…</translation>
        </message>
        <message>
            <source>Runs the four SDF steps in one go: the functional analysis (scalogram, centrality, hierarchy), the composite development index of the indicators you choose, the accessibility of centres on the road network (travel times, Hansen accessibility, dominant centres, influence zones) and the investment priorities combining need (low development, long travel time to an intermediate centre) and potential (centrality, accessibility).</source>
            <translation>一次运行空间发展框架的四个步骤：功能分析（功能等级表、中心性、等级体系）、您选择的指标的综合发展指数、道路网络上各中心的可达性（出行时间、Hansen 可达性、主导中心、影响范围），以及综合需求（发展水平低、到次级中心的出行时间长）和潜力（中心性、可达性）的投资优先级。</translation>
        </message>
        <message>
            <source>Runs the public space tools in one go: the inventory (types, what counts, districts), then SDG 11.7.1 (a), the share of the urban area in streets and public space, and SDG 11.7.1 (b), the share of the population within walking distance of a counted public space, by district and population group. Only the spaces the inventory counts go on to the two indicators.</source>
            <translation>一次运行全部公共空间工具：先进行盘点（类型、是否计入、所属区），然后计算可持续发展目标 11.7.1 (a)（城市面积中街道和公共空间所占比例）和 11.7.1 (b)（居住在计入的公共空间步行距离以内的人口比例，按区和人口群体分列）。只有盘点中计入的空间才参与两个指标的计算。</translation>
        </message>
        <message>
            <source>Rural built-up</source>
            <translation>乡村建成区</translation>
        </message>
        <message>
            <source>Rural open space</source>
            <translation>乡村开放空间</translation>
        </message>
        <message>
            <source>SDG 11.3.1</source>
            <translation>可持续发展目标 11.3.1</translation>
        </message>
        <message>
            <source>SDG 11.3.1 from {0} to {1}: land consumption rate LCR = ln(Urb{1}/Urb{0})/y, population growth rate PGR = ln(Pop{1}/Pop{0})/y, ratio LCRPGR = LCR/PGR. Above 1 the urban land grew faster than its population (the city spread out), below 1 it became denser.</source>
            <translation>可持续发展目标 11.3.1（{0} 至 {1}）：土地消耗率 LCR = ln(Urb{1}/Urb{0})/y，人口增长率 PGR = ln(Pop{1}/Pop{0})/y，比率 LCRPGR = LCR/PGR。大于 1 表示城市用地增长快于人口（城市向外蔓延），小于 1 表示城市变得更密集。</translation>
        </message>
        <message>
            <source>SDG 11.3.1 land consumption and population growth</source>
            <translation>可持续发展目标 11.3.1 土地消耗与人口增长</translation>
        </message>
        <message>
            <source>SDG 11.3.1 needs the population at both dates (grids or fields of the named places): only the land consumption rate is reported.</source>
            <translation>可持续发展目标 11.3.1 需要两个日期的人口（人口栅格或地名的字段）：仅报告土地消耗率。</translation>
        </message>
        <message>
            <source>SDG 11.3.1 needs the year of both built-up rasters.</source>
            <translation>可持续发展目标 11.3.1 需要两个建成区栅格的年份。</translation>
        </message>
        <message>
            <source>SDG 11.7.1</source>
            <translation>可持续发展目标 11.7.1</translation>
        </message>
        <message>
            <source>SDG 11.7.1 (a) and (b) for every city of a country in one run: give the urban extents (one polygon per city), the national street and public space layers and the national population grid. Each city is a task on Dask: it reads only its part of every layer (its extent plus the walking distance) and runs exactly what the single-city tools run, for every population group, network and straight-line. Without a scheduler address the run uses a Dask cluster on this computer, one worker per core; with an address (tcp://host:8786) it uses that cluster, whose workers must open the same files (a shared disk). Results are kept as each city finishes, so running again with the same output folder resumes a stopped run; a city whose data is unusable is listed with its reason and the run goes on. The output folder gets a table of the cities (CSV and GeoPackage) and a national report.</source>
            <translation>一次运行测算全国所有城市的可持续发展目标 11.7.1 (a) 和 (b)：提供城市范围（每个城市一个多边形）、全国街道和公共空间图层以及全国人口栅格。每个城市是 Dask 上的一个任务：只读取各图层中属于该城市的部分（其范围外加步行距离），并执行与单城市工具完全相同的计算，包括每个人口群体、网络距离和直线距离。不提供调度器地址时，在本机启动 Dask 集群，每个处理器核心一个工作进程；提供地址（tcp://host:8786）时使用该集群，其工作进程必须能打开相同的文件（共享磁盘）。每个城市完成后即保存结果，因此使用同一输出文件夹再次运行即可继续已停止的运行；数据无法使用的城市会列出原因，运行继续进行。输出文件夹包含城市表（CSV 和 GeoPackage）和全国报告。</translation>
        </message>
        <message>
            <source>SDG 11.7.1 (a) land allocated to streets and public space</source>
            <translation>可持续发展目标 11.7.1 (a) 用于街道和公共空间的土地</translation>
        </message>
        <message>
            <source>SDG 11.7.1 (a): land allocated to streets and open public space</source>
            <translation>可持续发展目标 11.7.1 (a)：用于街道和开放公共空间的土地</translation>
        </message>
        <message>
            <source>SDG 11.7.1 (b) walking access to public space</source>
            <translation>可持续发展目标 11.7.1 (b) 公共空间步行可达性</translation>
        </message>
        <message>
            <source>SDG 11.7.1 (b): access to open public space</source>
            <translation>可持续发展目标 11.7.1 (b)：开放公共空间可达性</translation>
        </message>
        <message>
            <source>SDG 11.7.1 (b): {0} % of the population within walking distance today, {1} % with the {2} new spaces.</source>
            <translation>可持续发展目标 11.7.1 (b)：目前 {0} % 的人口在步行距离内，新增 {2} 处公共空间后为 {1} %。</translation>
        </message>
        <message>
            <source>SDG 11.7.1 for every city of a country (batch, Dask)</source>
            <translation>全国所有城市的可持续发展目标 11.7.1（批处理，Dask）</translation>
        </message>
        <message>
            <source>SDG 11.7.1 in every city: national report</source>
            <translation>全国各城市的可持续发展目标 11.7.1：全国报告</translation>
        </message>
        <message>
            <source>SDG 11.7.1 in {0}</source>
            <translation>{0} 的可持续发展目标 11.7.1</translation>
        </message>
        <message>
            <source>SDG 11.7.1 uses 400 m, about a five-minute walk.</source>
            <translation>可持续发展目标 11.7.1 采用 400 米，约步行五分钟。</translation>
        </message>
        <message>
            <source>SDG 11.7.1 uses 400 m; beyond 5 km it is no walk to a park</source>
            <translation>可持续发展目标 11.7.1 采用 400 米；超过 5 公里就不再是步行去公园的距离</translation>
        </message>
        <message>
            <source>Sample City</source>
            <translation>示例城市</translation>
        </message>
        <message>
            <source>Sample Region</source>
            <translation>示例区域</translation>
        </message>
        <message>
            <source>Sample city and sample region as a ready project, for training</source>
            <translation>将示例城市和示例区域加载为现成工程，用于培训</translation>
        </message>
        <message>
            <source>Sampling method: street share {0} % (95 % interval {1}–{2} %, {3} circles of 10 ha).</source>
            <translation>抽样方法：街道比例 {0} %（95 % 区间 {1}–{2} %，{3} 个 10 公顷圆）。</translation>
        </message>
        <message>
            <source>Sampling precision (percentage points)</source>
            <translation>抽样精度（百分点）</translation>
        </message>
        <message>
            <source>Sampling stops when the 95 % confidence interval is within this many percentage points of the estimate (and at least 30 circles are taken).</source>
            <translation>当 95 % 置信区间与估算值之差在此百分点以内（且至少抽取 30 个圆）时停止抽样。</translation>
        </message>
        <message>
            <source>Save scorecard…</source>
            <translation>保存评分表…</translation>
        </message>
        <message>
            <source>Say in the comment why each NA does not apply, before saving: {0}</source>
            <translation>保存前请在备注中说明每个“不适用”为何不适用：{0}</translation>
        </message>
        <message>
            <source>Says what each space is; mapped to the five SDG 11.7.1 types.</source>
            <translation>说明每个空间的类型；映射到可持续发展目标 11.7.1 的五种类型。</translation>
        </message>
        <message>
            <source>Says which function each facility serves.</source>
            <translation>说明每个设施提供哪种功能。</translation>
        </message>
        <message>
            <source>Scalogram</source>
            <translation>功能等级表</translation>
        </message>
        <message>
            <source>Scenario</source>
            <translation>情景</translation>
        </message>
        <message>
            <source>Scenario: new and upgraded roads</source>
            <translation>情景：新建和升级道路</translation>
        </message>
        <message>
            <source>Scenario: new facilities</source>
            <translation>情景：新增设施</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>分数</translation>
        </message>
        <message>
            <source>Score (0–100)</source>
            <translation>得分（0–100）</translation>
        </message>
        <message>
            <source>Score a plan</source>
            <translation>规划评分</translation>
        </message>
        <message>
            <source>Score a plan…</source>
            <translation>规划评分…</translation>
        </message>
        <message>
            <source>Scorecard (XLSX)</source>
            <translation>评分表（XLSX）</translation>
        </message>
        <message>
            <source>Scorecard with {0} criteria in {1} themes.</source>
            <translation>评分表包含 {1} 个主题共 {0} 项标准。</translation>
        </message>
        <message>
            <source>Scorecards</source>
            <translation>评分表</translation>
        </message>
        <message>
            <source>Scorecards (*.json *.csv *.xlsx)</source>
            <translation>评分表 (*.json *.csv *.xlsx)</translation>
        </message>
        <message>
            <source>Scorecards (*.json)</source>
            <translation>评分表 (*.json)</translation>
        </message>
        <message>
            <source>Scorecards (*.xlsx *.csv *.json)</source>
            <translation>评分表 (*.xlsx *.csv *.json)</translation>
        </message>
        <message>
            <source>Scorecards (XLSX, CSV or JSON)</source>
            <translation>评分表（XLSX、CSV 或 JSON）</translation>
        </message>
        <message>
            <source>Scores 0 (not present) to 3 (goals, policies and implementation) on the scale of APA Sustaining Places; NA with a reason left out of the potential score; a criterion nobody scored stays in it with no points. Plan quality index after Brody (2003), on a fixed 0 to 10 scale (the mean of the themes' 0 to 10 scores), with the coverage beside it. Agreement as Krippendorff's alpha (0.800 or more good, below 0.667 doubtful), recommended over percent agreement (Stevens, Lyles and Berke 2014).</source>
            <translation>评分从 0（未涉及）到 3（有目标、政策和实施安排），采用美国规划协会“可持续场所”的尺度；附有理由的“不适用”不计入满分；没有任何人评分的标准仍计入满分但得 0 分。规划质量指数参照 Brody（2003），采用固定的 0 至 10 分尺度（各主题 0 至 10 分的平均值），并同时给出覆盖率。一致性采用 Krippendorff α 系数（0.800 及以上为良好，低于 0.667 不可靠），该系数比一致百分比更受推荐（Stevens、Lyles 和 Berke，2014）。</translation>
        </message>
        <message>
            <source>Scores 0 to 3 or NA per criterion (APA Sustaining Places); agreement as Krippendorff's alpha, good from 0.80.</source>
            <translation>每项标准评分 0 至 3 或不适用（美国规划协会“可持续场所”）；一致性采用 Krippendorff alpha，0.80 及以上为良好。</translation>
        </message>
        <message>
            <source>Scores by criterion</source>
            <translation>按标准的得分</translation>
        </message>
        <message>
            <source>Scores by plan</source>
            <translation>按规划的得分</translation>
        </message>
        <message>
            <source>Scores by theme</source>
            <translation>按主题的得分</translation>
        </message>
        <message>
            <source>Scores must lie between 0 and {0}, or be NA.</source>
            <translation>分数必须介于 0 和 {0} 之间，或为“不适用”。</translation>
        </message>
        <message>
            <source>Scores the quality of each public space from the KoboToolbox export of the field survey.</source>
            <translation>根据 Kobo 工具箱导出的实地调查数据为每个公共空间的质量评分。</translation>
        </message>
        <message>
            <source>Scores the quality of each public space from the KoboToolbox export of the survey form (CSV with comma or semicolon, or XLSX; XML names or labels as headers, with or without group names). Each submission is linked to a space by its space id, else by its GPS point inside a space or within the tolerance of one. Every scored answer counts 0 to 1 as the questionnaire declares; per space, each question is averaged over its submissions and each dimension (accessibility, use and users, comfort, safety, green cover, physical facilities, maintenance) is the mean of its questions, 0 to 100. The quality index is the weighted mean of the dimensions (equal weights unless given) and is left empty while a dimension has no answer; the dimension scores are always kept. Rows and columns that cannot be used are listed in the log table with the reason; the valid rows still score.</source>
            <translation>根据 Kobo 工具箱导出的调查表数据（逗号或分号分隔的 CSV，或 XLSX；表头为 XML 名称或标签，带或不带分组名）为每个公共空间的质量评分。每条提交记录按空间编号关联到空间，否则按其位于空间内或在容差范围内的 GPS 点关联。每个计分答案按问卷的声明计 0 至 1 分；对每个空间，每个问题在其提交记录上取平均，每个维度（可达性、使用与使用者、舒适度、安全性、绿化覆盖率、物理设施、维护）为其问题的平均值，0 至 100。质量指数为各维度的加权平均值（未指定时权重相等），某维度无答案时留空；各维度得分始终保留。无法使用的行和列连同原因列在日志表中；有效行仍照常计分。</translation>
        </message>
        <message>
            <source>Scoring</source>
            <translation>评分</translation>
        </message>
        <message>
            <source>Second column for the same question; ignored, the first one is used</source>
            <translation>同一问题的第二列；已忽略，使用第一列</translation>
        </message>
        <message>
            <source>Second fifth</source>
            <translation>第二个五分之一</translation>
        </message>
        <message>
            <source>Second weakest</source>
            <translation>次弱维度</translation>
        </message>
        <message>
            <source>Sensitivity of the ranking</source>
            <translation>排名的敏感性</translation>
        </message>
        <message>
            <source>Sensitivity to the distance decay β</source>
            <translation>对距离衰减 β 的敏感性</translation>
        </message>
        <message>
            <source>Served</source>
            <translation>可达</translation>
        </message>
        <message>
            <source>Service time (minutes)</source>
            <translation>服务时间（分钟）</translation>
        </message>
        <message>
            <source>Settlement</source>
            <translation>居民点</translation>
        </message>
        <message>
            <source>Settlement hierarchy</source>
            <translation>居民点等级</translation>
        </message>
        <message>
            <source>Settlement name field</source>
            <translation>居民点名称字段</translation>
        </message>
        <message>
            <source>Settlement points or sector polygons of the region.</source>
            <translation>区域内的居民点（点）或片区（面）。</translation>
        </message>
        <message>
            <source>Settlement points or sector polygons of the region; sectors count at a point inside them.</source>
            <translation>区域的居民点（点）或片区（面）；片区按其内部的一个点计算。</translation>
        </message>
        <message>
            <source>Settlements</source>
            <translation>居民点</translation>
        </message>
        <message>
            <source>Settlements (rows, most central first) by functions (columns, most common first), 1 = present.</source>
            <translation>居民点（行，中心性最高者在前）与功能（列，最普遍者在前）的矩阵，1 表示具有该功能。</translation>
        </message>
        <message>
            <source>Settlements dominated</source>
            <translation>受其主导的居民点</translation>
        </message>
        <message>
            <source>Settlements farther than this from every road have no road connection and are reported.</source>
            <translation>距离所有道路都超过此值的居民点视为没有道路连接，并会被报告。</translation>
        </message>
        <message>
            <source>Settlements having it</source>
            <translation>具有该功能的居民点</translation>
        </message>
        <message>
            <source>Settlements joined to the road network</source>
            <translation>接入道路网络的居民点</translation>
        </message>
        <message>
            <source>Settlements lacking a function expected at their level</source>
            <translation>缺少其所在等级应有功能的居民点</translation>
        </message>
        <message>
            <source>Settlements lacking an expected function</source>
            <translation>缺少应有功能的居民点</translation>
        </message>
        <message>
            <source>Settlements lacking each expected function</source>
            <translation>缺少各应有功能的居民点</translation>
        </message>
        <message>
            <source>Settlements lacking it</source>
            <translation>缺少该功能的居民点</translation>
        </message>
        <message>
            <source>Settlements lacking most functions</source>
            <translation>缺少功能最多的居民点</translation>
        </message>
        <message>
            <source>Settlements newly joined to the road network</source>
            <translation>新接入道路网络的居民点</translation>
        </message>
        <message>
            <source>Settlements of level {0}</source>
            <translation>第 {0} 级居民点</translation>
        </message>
        <message>
            <source>Settlements of this level or a more central one are centres (2: central and intermediate).</source>
            <translation>此等级或更高等级的居民点为中心（2：主要中心和次级中心）。</translation>
        </message>
        <message>
            <source>Settlements or sectors</source>
            <translation>居民点或片区</translation>
        </message>
        <message>
            <source>Settlements or sectors with one numeric field per indicator.</source>
            <translation>每个指标对应一个数值字段的居民点或片区。</translation>
        </message>
        <message>
            <source>Settlements reaching a centre for the first time</source>
            <translation>首次能够到达中心的居民点</translation>
        </message>
        <message>
            <source>Settlements reaching a centre sooner</source>
            <translation>到达中心更快的居民点</translation>
        </message>
        <message>
            <source>Settlements with a shorter travel time to a centre</source>
            <translation>到中心出行时间缩短的居民点</translation>
        </message>
        <message>
            <source>Settlements with a travel time</source>
            <translation>有出行时间的居民点</translation>
        </message>
        <message>
            <source>Settlements with the fields of the earlier steps (development index, travel time, centrality, accessibility).</source>
            <translation>带有前面步骤输出字段（发展指数、出行时间、中心性、可达性）的居民点。</translation>
        </message>
        <message>
            <source>Settlements with the priority score, its rank and the contribution of each component.</source>
            <translation>居民点及其优先级得分、排名和各分项的贡献。</translation>
        </message>
        <message>
            <source>Settlements with their hierarchy level, e.g. the output of the functional analysis; sectors count at a point inside them.</source>
            <translation>带有等级的居民点，例如功能分析的输出；片区（面）以其内部的一个点计算。</translation>
        </message>
        <message>
            <source>Settlements with travel time to the nearest centre of each level, Hansen accessibility and dominant centre.</source>
            <translation>居民点及其到各等级最近中心的出行时间、Hansen 可达性和主导中心。</translation>
        </message>
        <message>
            <source>Settlements without road access</source>
            <translation>无道路连接的居民点</translation>
        </message>
        <message>
            <source>Share between groups</source>
            <translation>组间占比</translation>
        </message>
        <message>
            <source>Share not served (%)</source>
            <translation>未被服务比例 (%)</translation>
        </message>
        <message>
            <source>Share of a level having a function</source>
            <translation>等级中具有某功能的比例</translation>
        </message>
        <message>
            <source>Share of centrality in the combined score (0 to 1); the development index has the rest. 0.5 weighs them equally.</source>
            <translation>中心性在综合得分中所占的比例（0 至 1），其余部分为发展指数。0.5 表示两者权重相同。</translation>
        </message>
        <message>
            <source>Share of street length (%)</source>
            <translation>占街道长度比例（%）</translation>
        </message>
        <message>
            <source>Share of the Theil index between groups, {0} (%)</source>
            <translation>{0}的泰尔指数中组间部分所占比例（%）</translation>
        </message>
        <message>
            <source>Share of the national unserved (%)</source>
            <translation>占全国未服务人口比例（%）</translation>
        </message>
        <message>
            <source>Share of the population served, by city</source>
            <translation>各城市可达人口比例</translation>
        </message>
        <message>
            <source>Share of the population served, by district</source>
            <translation>各区可达人口比例</translation>
        </message>
        <message>
            <source>Share of the population within each band, in per cent.</source>
            <translation>各等时线带以内人口所占比例（%）。</translation>
        </message>
        <message>
            <source>Share of the population within {0} m walking distance of an open public space, measured along the street network.</source>
            <translation>居住在开放公共空间 {0} 米步行距离（沿街道网络测量）以内的人口比例。</translation>
        </message>
        <message>
            <source>Share of the spread of the scores (%)</source>
            <translation>占得分离散程度的比例（%）</translation>
        </message>
        <message>
            <source>Share of the urban area allocated to streets and open public spaces, SDG indicator 11.7.1 (a), for each city (and each district when given), against the benchmarks of 15 % public space, 30 % streets and 45 % in total. Street area is the union of the right-of-way corridors: a corridor of the street's width around its centre-line (half the width on each side). The width follows one policy, shared with Streets from OpenStreetMap: the width field (numbers, or text such as 12 m, 40 ft, 10-12; values outside 1.5–80 m are rejected and counted), else the road class table, else the default width. The street share is also given with every width 25 % narrower and 25 % wider, so you see how much the widths matter. Ground that is both street and public space counts once, as public space, so the street and public space shares add up to the total. Optionally the street share is also estimated with the original sampling method (Halton points at 10 per km², 10 ha circles, sampling until the 95 % confidence interval is narrow enough), for comparison with cities that reported that way.</source>
            <translation>按可持续发展目标指标 11.7.1 (a)，计算每个城市（如提供区图层，则包括每个区）用于街道和开放公共空间的土地占城市面积的比例，并与基准值（公共空间 15 %、街道 30 %、合计 45 %）比较。街道面积为道路红线走廊的并集：沿中心线、宽度等于街道宽度的走廊（每侧各一半宽度）。宽度遵循与“从 OpenStreetMap 生成街道”共用的同一规则：宽度字段（数字，或如 12 m、40 ft、10-12 的文本；超出 1.5–80 米的值被拒绝并计数），否则取自道路等级表，否则使用默认宽度。同时给出所有宽度缩窄 25 % 和加宽 25 % 时的街道比例，以显示宽度假设的影响。既是街道又是公共空间的用地只计算一次（计为公共空间），因此街道比例与公共空间比例之和等于合计比例。可选择同时用最初的抽样方法（每平方公里 10 个 Halton 点、10 公顷圆、抽样直到 95 % 置信区间足够窄）估算街道比例，以便与采用该方法报告的城市比较。</translation>
        </message>
        <message>
            <source>Share of the urban population living within walking distance (400 m by default) of an open public space, measured along the street network, as SDG indicator 11.7.1 (b) defines it. Every band of the population raster (or every chosen field) is a population group, so totals by sex, age and disability come out of one run; the first band or field is taken as the total population. Give the urban extent so that only the urban population counts (one result per city when it holds several); streets are kept to the extent plus the walking distance, so people at its edge still walk out to a space just outside. The network is the street lines split at every shared vertex; motorways and trunk roads (and streets marked not walkable) are left out. A space is entered wherever a street passes inside it or within the entry tolerance of its edge: at street vertices, at the point of each street segment nearest to it and every 10 m along a street that runs beside it, including the middle of long segments. People join the network at the nearest point of the nearest street. Population cells larger than the sub-cell size (100 m) are spread over sub-cells first, evenly or in proportion to a built-up raster or building footprints. One shortest-path pass from all spaces at once keeps a whole city fast. The straight-line 400 m buffer result, which some global datasets use, is reported beside it for comparison: it overstates access.</source>
            <translation>按照可持续发展目标指标 11.7.1 (b) 的定义，沿街道网络测量居住在开放公共空间步行距离（默认 400 米）以内的城市人口比例。人口栅格的每个波段（或每个所选字段）是一个人口群体，因此一次运行即可得到按性别、年龄和残疾状况分列的结果；第一个波段或字段视为总人口。提供城市范围可只计算城市人口（包含多个城市时每个城市一个结果）；街道保留到城市范围外加步行距离，因此范围边缘的居民仍可步行到范围外附近的公共空间。网络由在共享顶点处分割的街道线构成；高速公路和干线公路（以及标记为不可步行的街道）不纳入。只要街道穿过公共空间或经过其边界的入口容差以内，就可以从该处进入：包括街道顶点、每个路段距该空间最近的点，以及沿空间旁街道每 10 米处，长路段的中间也包括在内。居民从最近街道的最近点进入网络。大于子单元尺寸（100 米）的人口栅格单元会先分配到子单元，平均分配或按建成区栅格或建筑轮廓比例分配。从所有公共空间出发的一次最短路径计算使整个城市的计算保持快速。部分全球数据集使用的 400 米直线缓冲区结果会并列报告以供比较：它会高估可达性。</translation>
        </message>
        <message>
            <source>Share of the {0} within {1} min of a level {2} centre (%)</source>
            <translation>距第 {2} 级中心 {1} 分钟以内的{0}比例（%）</translation>
        </message>
        <message>
            <source>Share served (%)</source>
            <translation>可达比例（%）</translation>
        </message>
        <message>
            <source>Share served by number of new public spaces</source>
            <translation>按新增公共空间数量统计的服务比例</translation>
        </message>
        <message>
            <source>Share served by number of new spaces</source>
            <translation>按新增公共空间数量统计的服务比例</translation>
        </message>
        <message>
            <source>Share served by population group</source>
            <translation>各人口群体的可达比例</translation>
        </message>
        <message>
            <source>Share served today (%)</source>
            <translation>目前的服务比例（%）</translation>
        </message>
        <message>
            <source>Share served with the new spaces (%)</source>
            <translation>新增公共空间后的服务比例（%）</translation>
        </message>
        <message>
            <source>Share within the straight-line buffer (%)</source>
            <translation>直线缓冲区内的比例（%）</translation>
        </message>
        <message>
            <source>Side by side</source>
            <translation>并列对照</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>地块</translation>
        </message>
        <message>
            <source>Sites chosen</source>
            <translation>所选地块数</translation>
        </message>
        <message>
            <source>Sites chosen for: {0} ({1} % today, {2} % with the new spaces).</source>
            <translation>地块的选择对象：{0}（目前 {1} %，新增公共空间后 {2} %）。</translation>
        </message>
        <message>
            <source>Sites larger than this are left out, not split: large tracts of open land (farmland, forest) need a plan of their own rather than a park site.</source>
            <translation>大于此面积的地块不计入，也不拆分：大片开放用地（农田、森林）需要单独规划，而不是作为公园地块。</translation>
        </message>
        <message>
            <source>Sites smaller than this are left out. 2,000 m² (a pocket park) is a local choice: SDG 11.7.1 sets no minimum size.</source>
            <translation>小于此面积的地块不计入。2,000 平方米（口袋公园）是本地的选择：可持续发展目标 11.7.1 未规定最小面积。</translation>
        </message>
        <message>
            <source>Size class thresholds (ha)</source>
            <translation>规模等级阈值（公顷）</translation>
        </message>
        <message>
            <source>Size class thresholds must be numbers in hectares separated by commas, e.g. 0.1, 0.5, 2, 10; got "{0}".</source>
            <translation>规模等级阈值必须是以逗号分隔的公顷数，例如 0.1, 0.5, 2, 10；实际输入为“{0}”。</translation>
        </message>
        <message>
            <source>Size class thresholds must be positive and increasing; got "{0}".</source>
            <translation>规模等级阈值必须为正且递增；实际输入为“{0}”。</translation>
        </message>
        <message>
            <source>Smallest cluster (people)</source>
            <translation>最小集聚区（人）</translation>
        </message>
        <message>
            <source>Smallest site (m²)</source>
            <translation>最小地块（平方米）</translation>
        </message>
        <message>
            <source>Smallest urban extent (km²)</source>
            <translation>最小城市范围（平方公里）</translation>
        </message>
        <message>
            <source>Solution: {0}; optimality gap {1} % (no choice of sites can serve more than {2} more people of the chosen group).</source>
            <translation>解：{0}；最优性差距 {1} %（任何地块组合都无法使所选人口群体的服务人口再增加超过 {2} 人）。</translation>
        </message>
        <message>
            <source>Some characters are missing from the chart font and show as boxes. Install a font with these characters (for example Noto Sans CJK).</source>
            <translation>图表字体中缺少部分字符，这些字符显示为方框。请安装包含这些字符的字体（例如 Noto Sans CJK）。</translation>
        </message>
        <message>
            <source>Some settlements have coordinates that are not numbers.</source>
            <translation>部分居民点的坐标不是数字。</translation>
        </message>
        <message>
            <source>Space</source>
            <translation>空间</translation>
        </message>
        <message>
            <source>Space id field</source>
            <translation>空间编号字段</translation>
        </message>
        <message>
            <source>Space id field (as in the survey)</source>
            <translation>空间编号字段（与调查一致）</translation>
        </message>
        <message>
            <source>Space id not in the inventory; linked by GPS if possible</source>
            <translation>空间编号不在盘点中；尽可能按 GPS 关联</translation>
        </message>
        <message>
            <source>Space name field</source>
            <translation>空间名称字段</translation>
        </message>
        <message>
            <source>Spaces not counted</source>
            <translation>不计入的空间数</translation>
        </message>
        <message>
            <source>Spaces scored</source>
            <translation>已评分空间</translation>
        </message>
        <message>
            <source>Spaces surveyed</source>
            <translation>已调查空间</translation>
        </message>
        <message>
            <source>Spaces that need review</source>
            <translation>待复核空间数</translation>
        </message>
        <message>
            <source>Spaces to upgrade: the first of the priority list</source>
            <translation>需升级的公共空间：优先级列表的前几名</translation>
        </message>
        <message>
            <source>Spaces where it is the weakest</source>
            <translation>以其为最弱维度的空间</translation>
        </message>
        <message>
            <source>Spaces whose access is private or no do not count (the OpenStreetMap access values).</source>
            <translation>通行为 private 或 no 的空间不计入（OpenStreetMap 的 access 取值）。</translation>
        </message>
        <message>
            <source>Spaces with a quality index</source>
            <translation>有质量指数的空间</translation>
        </message>
        <message>
            <source>Spaces with an entry fee (yes) do not count: open public space is free for all.</source>
            <translation>收费（yes）的空间不计入：开放公共空间应对所有人免费开放。</translation>
        </message>
        <message>
            <source>Spaces without a quality index</source>
            <translation>无质量指数的空间</translation>
        </message>
        <message>
            <source>Spatial Development Framework analysis</source>
            <translation>空间发展框架分析</translation>
        </message>
        <message>
            <source>Spatial Development Framework analysis (guided)…</source>
            <translation>空间发展框架分析（向导）…</translation>
        </message>
        <message>
            <source>Spatial data (*.gpkg *.shp *.geojson *.json *.tif *.tiff);;All files (*)</source>
            <translation>空间数据 (*.gpkg *.shp *.geojson *.json *.tif *.tiff);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Spatial development framework</source>
            <translation>空间发展框架</translation>
        </message>
        <message>
            <source>Spearman ρ</source>
            <translation>Spearman ρ</translation>
        </message>
        <message>
            <source>Speed (km/h)</source>
            <translation>速度（公里/小时）</translation>
        </message>
        <message>
            <source>Speed by road class (km/h)</source>
            <translation>按道路等级的速度（公里/小时）</translation>
        </message>
        <message>
            <source>Speed from a settlement to the nearest road (walking by default).</source>
            <translation>从居民点到最近道路的速度（默认为步行速度）。</translation>
        </message>
        <message>
            <source>Speed of roads whose class is not in the table.</source>
            <translation>等级不在表中的道路的速度。</translation>
        </message>
        <message>
            <source>Spread of the dimension scores by district</source>
            <translation>各区维度得分的分布</translation>
        </message>
        <message>
            <source>Square</source>
            <translation>广场</translation>
        </message>
        <message>
            <source>Started a Dask cluster on this machine: {0} workers, {1} of memory each.</source>
            <translation>已在本机启动 Dask 集群：{0} 个工作进程，每个内存 {1}。</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Status of the framework: {0}</source>
            <translation>评估框架的状态：{0}</translation>
        </message>
        <message>
            <source>Step {0} of {1}</source>
            <translation>第 {0} 步，共 {1} 步</translation>
        </message>
        <message>
            <source>Still needed: {0}</source>
            <translation>仍需填写：{0}</translation>
        </message>
        <message>
            <source>Stored in the table, to say which year each scorecard describes.</source>
            <translation>存储在表格中，说明每期评分表描述的年份。</translation>
        </message>
        <message>
            <source>Stored with the scorecard, to compare it with later ones.</source>
            <translation>与评分表一同保存，便于与之后的评分表比较。</translation>
        </message>
        <message>
            <source>Straight-line buffer (approximation)</source>
            <translation>直线缓冲区（近似方法）</translation>
        </message>
        <message>
            <source>Straight-line buffer (approximation): {0} %.</source>
            <translation>直线缓冲区（近似方法）：{0} %。</translation>
        </message>
        <message>
            <source>Straight-line share (%)</source>
            <translation>直线缓冲区比例（%）</translation>
        </message>
        <message>
            <source>Street area</source>
            <translation>街道面积</translation>
        </message>
        <message>
            <source>Street area already digitised as polygons (right-of-way), instead of centre-lines.</source>
            <translation>已数字化为面（道路红线）的街道面积，用于替代中心线。</translation>
        </message>
        <message>
            <source>Street area: the union of right-of-way corridors, each as wide as its street (half the width on each side of the centre-line). The class widths are typical right-of-way widths from street design guides (NACTO-GDCI Global Street Design Guide, 2016; UK Manual for Streets, 2007; Angel, Making Room for a Planet of Cities, 2011): measured widths should replace them.</source>
            <translation>街道面积：道路红线走廊的并集，每条走廊与其街道等宽（中心线两侧各一半宽度）。各等级宽度为街道设计指南中的典型道路红线宽度（NACTO-GDCI《全球街道设计指南》，2016；英国《街道手册》，2007；Angel《为城市星球腾出空间》，2011）：应以实测宽度替换。</translation>
        </message>
        <message>
            <source>Street centre-lines</source>
            <translation>街道中心线</translation>
        </message>
        <message>
            <source>Street centre-lines for SDG 11.7.1 from OpenStreetMap data you already have: the lines layer of an .osm.pbf or .osm file (choose the file and its "lines" layer) or an OSM line layer with a highway column. Keeps the road classes of the CIESIN global 11.7.1 (motorway to path) and the service roads and steps people walk on, and drops roads with access=private. Each street gets walkable = 1 or 0: motorways, trunk roads and their links, and ways with foot=no or access=no are not walkable, unless foot=yes, designated or permissive says otherwise; they are left out unless you keep them for the street area. Each street gets a right-of-way width by one policy shared with the land-share tool: its OSM width tag (metres, feet and inches, ranges and lists as their mean; values outside 1.5–80 m are rejected and counted), else the width of its class in the table, else the default width; the field width_src says which. Replace the estimates with widths measured in the city where you can.</source>
            <translation>根据已有的 OpenStreetMap 数据生成用于可持续发展目标 11.7.1 的街道中心线：.osm.pbf 或 .osm 文件的 lines 图层（选择文件及其“lines”图层），或带有 highway 字段的 OSM 线图层。保留 CIESIN 全球 11.7.1 所用的道路等级（从 motorway 到 path）以及人们步行使用的服务道路（service）和台阶（steps），并排除 access=private 的道路。每条街道获得 walkable = 1 或 0：高速公路（motorway）、干线公路（trunk）及其匝道，以及带有 foot=no 或 access=no 的道路不可步行，除非 foot=yes、designated 或 permissive 另有说明；除非为街道面积而保留，否则将其排除。每条街道按与用地比例工具共用的同一宽度规则获得道路红线宽度：优先使用其 OSM 宽度标签（米、英尺和英寸，范围和列表取平均值；超出 1.5–80 米的值被拒绝并计数），否则使用表中其等级的宽度，否则使用默认宽度；字段 width_src 说明宽度来源。如有可能，请用本市实测宽度替换这些估算值。</translation>
        </message>
        <message>
            <source>Street centre-lines with OSM id, name, road class, walkable (1/0), width, where the width comes from, and the OSM width, foot and access tags.</source>
            <translation>街道中心线，含 OSM 标识、名称、道路等级、是否可步行（1/0）、宽度、宽度来源，以及 OSM 的 width、foot 和 access 标签。</translation>
        </message>
        <message>
            <source>Street centre-lines, as for SDG 11.7.1 (b) walking access.</source>
            <translation>街道中心线，与可持续发展目标 11.7.1 (b) 步行可达性相同。</translation>
        </message>
        <message>
            <source>Street centre-lines, as for walking access. Lines that share a vertex are connected.</source>
            <translation>街道中心线，与步行可达性相同。共享顶点的线相互连通。</translation>
        </message>
        <message>
            <source>Street centre-lines. Lines that share a vertex are connected; lines that only cross (bridges, tunnels) are not.</source>
            <translation>街道中心线。共享节点的线相互连通；仅相交而不共享节点的线（桥梁、隧道）不连通。</translation>
        </message>
        <message>
            <source>Street centre-lines: a corridor of the half-width below on each side of every street is left out, so that a street splits the open land it crosses.</source>
            <translation>街道中心线：每条街道两侧按下方半宽留出的廊道不计入，因此街道会把其穿过的开放用地分开。</translation>
        </message>
        <message>
            <source>Street centre-lines: their corridors give the street share, and the walkable ones the walking network.</source>
            <translation>街道中心线：其道路红线范围给出街道比例，可步行的街道构成步行网络。</translation>
        </message>
        <message>
            <source>Street centre-lines; each becomes a corridor of its width. Give these or street polygons.</source>
            <translation>街道中心线；每条线生成与其宽度相同的走廊。请提供中心线或街道面。</translation>
        </message>
        <message>
            <source>Street centre-lines; walking distance is measured along them.</source>
            <translation>街道中心线；步行距离沿其测量。</translation>
        </message>
        <message>
            <source>Street half-width (m)</source>
            <translation>街道半宽（米）</translation>
        </message>
        <message>
            <source>Street network (lines)</source>
            <translation>街道网络（线）</translation>
        </message>
        <message>
            <source>Street network with walking distance</source>
            <translation>带步行距离的街道网络</translation>
        </message>
        <message>
            <source>Street network: {0} vertices, {1} segments, with the entrances of the existing spaces and of {2} candidate sites.</source>
            <translation>街道网络：{0} 个顶点，{1} 条路段，含现有公共空间和 {2} 个候选地块的入口。</translation>
        </message>
        <message>
            <source>Street network: {0} vertices, {1} segments, {2} connected parts; {3} entrances to public spaces ({4} of them inside street segments).</source>
            <translation>街道网络：{0} 个顶点，{1} 个路段，{2} 个连通部分；公共空间入口 {3} 个（其中 {4} 个位于路段中间）。</translation>
        </message>
        <message>
            <source>Street polygons</source>
            <translation>街道面</translation>
        </message>
        <message>
            <source>Street vertices closer than this are treated as the same junction.</source>
            <translation>距离小于此值的街道节点视为同一路口。</translation>
        </message>
        <message>
            <source>Street width field (m)</source>
            <translation>街道宽度字段（米）</translation>
        </message>
        <message>
            <source>Street widths</source>
            <translation>街道宽度</translation>
        </message>
        <message>
            <source>Street widths: {0} measured, {1} from the road class table, {2} default ({3} m); {4} % of the street length has a measured width.</source>
            <translation>街道宽度：实测 {0} 条，取自道路等级表 {1} 条，默认值 {2} 条（{3} 米）；{4} % 的街道长度有实测宽度。</translation>
        </message>
        <message>
            <source>Streets</source>
            <translation>街道</translation>
        </message>
        <message>
            <source>Streets (% of urban area)</source>
            <translation>街道（占城市面积 %）</translation>
        </message>
        <message>
            <source>Streets (%)</source>
            <translation>街道（%）</translation>
        </message>
        <message>
            <source>Streets (optional)</source>
            <translation>街道（可选）</translation>
        </message>
        <message>
            <source>Streets and open public space</source>
            <translation>街道和开放公共空间</translation>
        </message>
        <message>
            <source>Streets and open public space cover {0} % of the {1} km² of the measured urban extents (weighted by area; open public space {2} %, streets {3} %), against the benchmarks of 15 %, 30 % and 45 %.</source>
            <translation>街道和开放公共空间占已测算城市范围 {1} 平方公里的 {0} %（按面积加权；开放公共空间 {2} %，街道 {3} %），基准值分别为 15 %、30 % 和 45 %。</translation>
        </message>
        <message>
            <source>Streets and open public space, % of urban area</source>
            <translation>街道和开放公共空间占城市用地比例</translation>
        </message>
        <message>
            <source>Streets and public space</source>
            <translation>街道和公共空间</translation>
        </message>
        <message>
            <source>Streets and public space (% of urban area)</source>
            <translation>街道和公共空间（占城市面积 %）</translation>
        </message>
        <message>
            <source>Streets and public space (%)</source>
            <translation>街道和公共空间（%）</translation>
        </message>
        <message>
            <source>Streets from OpenStreetMap</source>
            <translation>来自 OpenStreetMap 的街道</translation>
        </message>
        <message>
            <source>Streets kept</source>
            <translation>保留的街道数</translation>
        </message>
        <message>
            <source>Streets with widths 25 % narrower (% of urban area)</source>
            <translation>宽度缩窄 25 % 时的街道（占城市面积 %）</translation>
        </message>
        <message>
            <source>Streets with widths 25 % wider (% of urban area)</source>
            <translation>宽度加宽 25 % 时的街道（占城市面积 %）</translation>
        </message>
        <message>
            <source>Streets without a usable line skipped</source>
            <translation>跳过的无可用线条街道数</translation>
        </message>
        <message>
            <source>Streets, % of urban area</source>
            <translation>街道占城市用地比例</translation>
        </message>
        <message>
            <source>Streets, widths +25 % (%)</source>
            <translation>街道，宽度 +25 %（%）</translation>
        </message>
        <message>
            <source>Streets, widths −25 % (%)</source>
            <translation>街道，宽度 −25 %（%）</translation>
        </message>
        <message>
            <source>Strengths</source>
            <translation>优势</translation>
        </message>
        <message>
            <source>Strengths and gaps, radar chart of the themes, comparison of the plans and the assessors' comments on the criteria they disagree on, in the language of QGIS.</source>
            <translation>优势与不足、各主题的雷达图、规划比较以及评估者对意见不一致的标准的意见，使用 QGIS 的界面语言。</translation>
        </message>
        <message>
            <source>Submissions</source>
            <translation>提交记录</translation>
        </message>
        <message>
            <source>Submissions linked to a space</source>
            <translation>已关联到空间的提交记录</translation>
        </message>
        <message>
            <source>Suburban built-up</source>
            <translation>郊区建成区</translation>
        </message>
        <message>
            <source>Suburban from (% built-up in the circle)</source>
            <translation>郊区：自（圆内建成区 %）</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>摘要</translation>
        </message>
        <message>
            <source>Survey</source>
            <translation>调查</translation>
        </message>
        <message>
            <source>Survey export (CSV or XLSX)</source>
            <translation>调查导出文件（CSV 或 XLSX）</translation>
        </message>
        <message>
            <source>Survey exports (*.csv *.xlsx)</source>
            <translation>调查导出文件 (*.csv *.xlsx)</translation>
        </message>
        <message>
            <source>Survey form (XLSForm)</source>
            <translation>调查表（XLSForm）</translation>
        </message>
        <message>
            <source>Survey import log</source>
            <translation>调查导入日志</translation>
        </message>
        <message>
            <source>Survey these first</source>
            <translation>请先调查这些空间</translation>
        </message>
        <message>
            <source>Territorial influence zones</source>
            <translation>地域影响范围</translation>
        </message>
        <message>
            <source>Test a project before it is built: a new road, an upgraded road, a new hospital. The SDF analysis runs on today's region and on the scenario, and the report shows what changes: travel times, people within reach of centres, the hierarchy, the balance between parts of the region and the priorities.</source>
            <translation>在建设工程实施之前对其进行检验：一条新建道路、一条升级道路、一所新医院。空间发展框架分析分别在区域现状和情景上运行，报告显示发生的变化：出行时间、可到达中心的人口、等级体系、区域各部分之间的均衡以及优先级。</translation>
        </message>
        <message>
            <source>Tests a project before it is built: the SDF chain (functions, centrality and hierarchy, travel time to centres, accessibility, function gaps, investment priorities, regional balance) runs on the baseline and on a scenario with new or upgraded roads and new or moved facilities, and the results are shown side by side with their changes: travel times, the population within 30 and 60 minutes of each level of centre, the hierarchy, the inequality between parts of the region and the priorities, with a map of the gains. Draw the new roads in a line layer (their ends join the nearest road vertex within the join distance); to upgrade a road, copy it into that layer and give it its new class. The hierarchy keeps the baseline's class bounds, so that a settlement changes level only when its own centrality crosses them.</source>
            <translation>在建设工程实施之前对其进行检验：空间发展框架分析流程（功能、中心性与等级体系、到各中心的出行时间、可达性、功能缺口、投资优先级、区域均衡）分别在基线和包含新建或升级道路、新增或迁移设施的情景上运行，结果及其变化并列显示：出行时间、各等级中心 30 分钟和 60 分钟以内的人口、等级体系、区域各部分之间的不平等以及优先级，并附有时间缩短地图。请在线图层中绘制新建道路（其端点连接到连接距离以内最近的道路顶点）；要升级某条道路，请将其复制到该图层并赋予新的等级。等级体系保留基线的分级界限，因此只有当居民点自身的中心性跨越这些界限时，其等级才会变化。</translation>
        </message>
        <message>
            <source>The XLSForm to upload to KoboToolbox (Projects, New, Upload an XLSForm).</source>
            <translation>要上传到 Kobo 工具箱的 XLSForm（项目、新建、上传 XLSForm）。</translation>
        </message>
        <message>
            <source>The address of an existing Dask cluster, such as tcp://10.0.0.5:8786. Empty: a cluster on this computer.</source>
            <translation>现有 Dask 集群的地址，例如 tcp://10.0.0.5:8786。留空：在本机启动集群。</translation>
        </message>
        <message>
            <source>The area of each centre's influence: the settlements it dominates, as polygons.</source>
            <translation>每个中心的影响范围：其主导的居民点，以面表示。</translation>
        </message>
        <message>
            <source>The assessment store {0} cannot be opened.</source>
            <translation>无法打开评估库 {0}。</translation>
        </message>
        <message>
            <source>The assessment store {0} cannot be opened: {1}</source>
            <translation>无法打开评估库 {0}：{1}</translation>
        </message>
        <message>
            <source>The assessment store {0} cannot be read: {1}</source>
            <translation>无法读取评估库 {0}：{1}</translation>
        </message>
        <message>
            <source>The assessment store {0} holds no scorecard yet.</source>
            <translation>评估库 {0} 中还没有评分表。</translation>
        </message>
        <message>
            <source>The attraction of a centre in the Hansen, Huff and Reilly models.</source>
            <translation>中心在 Hansen、Huff 和 Reilly 模型中的吸引力。</translation>
        </message>
        <message>
            <source>The band holding the built-up values.</source>
            <translation>包含建成区数值的波段。</translation>
        </message>
        <message>
            <source>The band holding the earlier built-up values.</source>
            <translation>包含较早建成区数值的波段。</translation>
        </message>
        <message>
            <source>The baseline road network has no lines.</source>
            <translation>基线道路网络中没有线。</translation>
        </message>
        <message>
            <source>The batch needs the Python package {0}. Install it with: {1}</source>
            <translation>批处理需要 Python 包 {0}。安装方法：{1}</translation>
        </message>
        <message>
            <source>The bounding box {0} is not four numbers xmin, ymin, xmax, ymax with each minimum below its maximum.</source>
            <translation>范围框 {0} 不是四个数字 xmin、ymin、xmax、ymax，或其最小值大于最大值。</translation>
        </message>
        <message>
            <source>The budget of {0} is below the cost of every candidate site (the cheapest costs {1}): raise the budget.</source>
            <translation>预算 {0} 低于每个候选地块的成本（最便宜的地块成本为 {1}）：请提高预算。</translation>
        </message>
        <message>
            <source>The built-up area of the city (for example from Urban extent from built-up data), or several cities, one polygon each. SDG 11.7.1 (b) is a share of the urban population: only people inside it count. Without it every person of the population input counts.</source>
            <translation>城市的建成区（例如由“由建成区数据生成城市范围”工具得到），也可以是多个城市，每个城市一个多边形。可持续发展目标 11.7.1 (b) 是城市人口的比例：只计算范围内的人口。不提供时，人口输入中的所有人都会计入。</translation>
        </message>
        <message>
            <source>The built-up area of the city (its urban extent).</source>
            <translation>城市的建成区（城市范围）。</translation>
        </message>
        <message>
            <source>The built-up area of the city: only people inside it count, as in SDG 11.7.1 (b).</source>
            <translation>城市的建成区：只计算其中的人口，与可持续发展目标 11.7.1 (b) 相同。</translation>
        </message>
        <message>
            <source>The built-up area of the city: only people inside it count, as in SDG 11.7.1 (b). Without it every person of the population input counts.</source>
            <translation>城市的建成区：与可持续发展目标 11.7.1 (b) 相同，只计算其内部的人口。不提供时，人口输入中的每个人都计入。</translation>
        </message>
        <message>
            <source>The built-up city: the shares are of each district's part inside it, and only the people inside it count.</source>
            <translation>城市建成区：各比例按每个区位于其内的部分计算，且只计其内的人口。</translation>
        </message>
        <message>
            <source>The built-up density of a cell is measured in the circle of this radius around it: 564 m makes the 1 km² walking-distance circle of the Atlas (Trends.Earth uses 500 m).</source>
            <translation>像元的建成区密度在其周围此半径的圆内测量：564 米即地图集中 1 平方公里的步行距离圆（Trends.Earth 采用 500 米）。</translation>
        </message>
        <message>
            <source>The built-up raster could not be opened.</source>
            <translation>无法打开建成区栅格。</translation>
        </message>
        <message>
            <source>The built-up raster {0} and the urban extent {1} do not overlap: no cell centre of the raster lies inside the extent. Give a raster that covers the city, and check the CRS of both.</source>
            <translation>建成区栅格 {0} 与城市范围 {1} 不重叠：栅格没有像元中心位于范围内。请提供覆盖该城市的栅格，并检查二者的坐标参考系。</translation>
        </message>
        <message>
            <source>The built-up raster {0} has no band {1}.</source>
            <translation>建成区栅格 {0} 没有波段 {1}。</translation>
        </message>
        <message>
            <source>The built-up raster {0} has no built-up cell (no cell is {1} % built-up or more): there is no urban extent. Check the band and the kind of values.</source>
            <translation>建成区栅格 {0} 没有建成区像元（没有像元的建成区比例达到 {1}% 或以上）：不存在城市范围。请检查波段和数值类型。</translation>
        </message>
        <message>
            <source>The built-up raster {0} has no coordinate reference system. Set its CRS first.</source>
            <translation>建成区栅格 {0} 没有坐标参考系。请先设置其坐标参考系。</translation>
        </message>
        <message>
            <source>The built-up raster {0} has no nodata value: every cell is treated as data, except WorldCover's class 0 (no data).</source>
            <translation>建成区栅格 {0} 未设置无数据值：除 WorldCover 的类别 0（无数据）外，所有像元都视为有数据。</translation>
        </message>
        <message>
            <source>The built-up raster {0} has no nodata value: every cell is treated as data.</source>
            <translation>建成区栅格 {0} 未设置无数据值：所有像元都视为有数据。</translation>
        </message>
        <message>
            <source>The built-up raster {0} holds no data (every cell is nodata).</source>
            <translation>建成区栅格 {0} 不含数据（所有像元均为无数据）。</translation>
        </message>
        <message>
            <source>The built-up raster {0} holds values up to {1}, too large for the kind of values chosen ({2}): choose the kind that matches the data, or set its nodata value.</source>
            <translation>建成区栅格 {0} 的数值最高达 {1}，对于所选数值类型（{2}）过大：请选择与数据相符的类型，或设置其无数据值。</translation>
        </message>
        <message>
            <source>The built-up raster {0} is in {1}, whose units are {2}: the 1 km² circle, the fringe distance and the areas need a projected CRS in metres. Reproject it first (Raster ▸ Projections ▸ Warp), for example to {3}, with average resampling for shares and GHSL surface, nearest neighbour for WorldCover classes and 0/1 data.</source>
            <translation>建成区栅格 {0} 采用 {1}，其单位为{2}：1 平方公里圆、边缘距离和面积都需要以米为单位的投影坐标参考系。请先重投影（栅格 ▸ 投影 ▸ 变形（重投影）），例如投影到 {3}；比例和 GHSL 面积使用平均值重采样，WorldCover 类别和 0/1 数据使用最邻近重采样。</translation>
        </message>
        <message>
            <source>The built-up raster {0} is in {1}, whose units are {2}: the site areas and the street corridors need a projected CRS in metres. Reproject it first (Raster ▸ Projections ▸ Warp), for example to the UTM zone of the city.</source>
            <translation>建成区栅格 {0} 采用 {1}，其单位为 {2}：地块面积和街道廊道需要以米为单位的投影坐标参考系。请先重投影（栅格 ▸ 投影 ▸ 变形），例如投影到城市所在的 UTM 带。</translation>
        </message>
        <message>
            <source>The built-up raster {0} is rotated: warp it to a north-up grid first (Raster ▸ Projections ▸ Warp).</source>
            <translation>建成区栅格 {0} 带有旋转：请先将其重投影为正北朝上的格网（栅格 ▸ 投影 ▸ 变形（重投影））。</translation>
        </message>
        <message>
            <source>The built-up raster {0} is {1} x {2} m, narrower than the circle ({3} m across): the densities only see the cells inside the raster. Give a raster that reaches beyond the city.</source>
            <translation>建成区栅格 {0} 为 {1} x {2} 米，比圆（直径 {3} 米）更窄：密度只考虑栅格内的像元。请提供范围超出城市的栅格。</translation>
        </message>
        <message>
            <source>The cells of {0} ({1} m) are larger than the radius of the circle ({2} m): each circle holds only its own cell, so the densities are the cells' own shares. Use a finer raster (10–100 m cells) for the Atlas method.</source>
            <translation>{0} 的像元（{1} 米）大于圆的半径（{2} 米）：每个圆只包含其自身的像元，因此密度就是像元自身的比例。采用地图集方法时请使用更精细的栅格（10–100 米像元）。</translation>
        </message>
        <message>
            <source>The centrality field {0} has no value for any settlement.</source>
            <translation>中心性字段 {0} 在所有居民点中均无值。</translation>
        </message>
        <message>
            <source>The chosen CRS {0} is not a projected CRS in metres. Choose a projected CRS, for example the UTM zone of the city.</source>
            <translation>所选坐标参考系 {0} 不是以米为单位的投影坐标参考系。请选择投影坐标参考系，例如城市所在的 UTM 分带。</translation>
        </message>
        <message>
            <source>The chosen candidate sites with their fields, in order: site_order, gain (people newly within walking distance), gain_group (people of the chosen group), share_pct (share of the population served once this and the sites before it are built) and cost.</source>
            <translation>按顺序排列的所选候选地块及其字段：site_order（顺序）、gain（新增步行距离内人口）、gain_group（所选人口群体的新增人口）、share_pct（建成此地块及之前各地块后的人口服务比例）和 cost（成本）。</translation>
        </message>
        <message>
            <source>The cities where the most people live beyond walking distance of an open public space: where new or opened spaces reach the most people.</source>
            <translation>居住在开放公共空间步行距离以外人数最多的城市：在这些城市新建或开放公共空间可惠及最多的人。</translation>
        </message>
        <message>
            <source>The city of the plan.</source>
            <translation>规划所属的城市。</translation>
        </message>
        <message>
            <source>The city polygons with the overall and theme scores of their latest plan, for a choropleth map.</source>
            <translation>城市面及其最新规划的总体得分和各主题得分，用于分级设色地图。</translation>
        </message>
        <message>
            <source>The city polygons' fields {0} are replaced by the results of the same name.</source>
            <translation>城市多边形的字段 {0} 被同名的结果字段取代。</translation>
        </message>
        <message>
            <source>The city's urban extent (for example from "Urban extent from built-up data"): only open land inside it becomes a site; the sites are cut to it.</source>
            <translation>城市的城市范围（例如由“由建成区数据生成城市范围”工具得到）：只有范围内的开放用地才会成为地块；地块按范围裁切。</translation>
        </message>
        <message>
            <source>The city-wide public space assessment guide (UN-Habitat 2020) asks to determine the public spaces that need upgrading but publishes no formula. Here the priority is the need part, (100 − quality index) × {0}, plus the people part, dependants ÷ most dependants of a surveyed space × 100 × {1} (weights {2} and {3}, scaled to add up to 1). Dependants are measured on the walking network of SDG 11.7.1 (b): each person depends on the one space nearest along the streets within the walking distance, so the dependants of all spaces add up to the population served. Equal scores are ordered by dependants.</source>
            <translation>全市公共空间评估指南（联合国人居署 2020）要求确定需要升级的公共空间，但没有公布公式。此处优先级为需求部分 (100 − 质量指数) × {0}，加上人口部分：依赖人口 ÷ 已调查空间中最多的依赖人口 × 100 × {1}（权重 {2} 和 {3}，按比例缩放使其之和为 1）。依赖人口在可持续发展目标 11.7.1 (b) 的步行网络上测量：每个人依赖沿街道在步行距离内离其最近的一个空间，因此所有空间的依赖人口之和等于被服务的人口。分数相同时按依赖人口排序。</translation>
        </message>
        <message>
            <source>The class of the new roads "{0}" is not in the speed table ({1}).</source>
            <translation>新建道路的等级“{0}”不在速度表中（{1}）。</translation>
        </message>
        <message>
            <source>The cluster cell size must be larger than 0 m.</source>
            <translation>集聚区单元大小必须大于 0 米。</translation>
        </message>
        <message>
            <source>The clusters layer of Who is not served: the clusters of each district and the people in them (its first pop_ field).</source>
            <translation>“谁未被覆盖”的集聚区图层：每个区的集聚区及其中的人口（其第一个 pop_ 字段）。</translation>
        </message>
        <message>
            <source>The coefficient of reproducibility is below 0.90: the functions do not form a clear hierarchy.</source>
            <translation>再现性系数低于 0.90：这些功能没有形成清晰的等级体系。</translation>
        </message>
        <message>
            <source>The combined hierarchy follows the Spatial Development Framework's classing of sectors into central, intermediate and local ones by their level of physical and socio-economic development and their centrality: combined score = 100 × (w × centrality + (1 − w) × development index), both scaled 0 to 1 across the settlements, classed by natural breaks. The classings by the development index alone and by centrality alone are kept beside it for comparison.</source>
            <translation>综合等级体系沿用空间发展框架的做法，按片区的物质和社会经济发展水平及其中心性，将片区划分为主要中心、次级中心和地方中心：综合得分 = 100 × (w × 中心性 + (1 − w) × 发展指数)，两者均在各居民点之间缩放到 0 至 1，再按自然断点分级。仅按发展指数和仅按中心性的分级并列保留，以便比较。</translation>
        </message>
        <message>
            <source>The corridor left out on each side of a street centre-line (6 m: a 12 m street).</source>
            <translation>街道中心线每侧不计入的廊道宽度（6 米：即 12 米宽的街道）。</translation>
        </message>
        <message>
            <source>The corridors "{0}" have no lines.</source>
            <translation>发展走廊“{0}”中没有线。</translation>
        </message>
        <message>
            <source>The cost field "{0}" of "{1}" is empty or negative for {2} candidate sites: {3}. Give every site a cost of 0 or more.</source>
            <translation>“{1}”的成本字段“{0}”在 {2} 个候选地块中为空或为负：{3}。请为每个地块给出大于或等于 0 的成本。</translation>
        </message>
        <message>
            <source>The data export of the survey form from KoboToolbox (Data, Downloads), as CSV or XLSX.</source>
            <translation>从 Kobo 工具箱导出的调查表数据（数据、下载），CSV 或 XLSX 格式。</translation>
        </message>
        <message>
            <source>The date of the built-up data; needed for SDG 11.3.1.</source>
            <translation>建成区数据的日期；可持续发展目标 11.3.1 需要此项。</translation>
        </message>
        <message>
            <source>The date of the earlier built-up data.</source>
            <translation>较早建成区数据的日期。</translation>
        </message>
        <message>
            <source>The default street width is {0} m: a street is {1} to {2} m wide. Check the unit.</source>
            <translation>默认街道宽度为 {0} 米：街道宽度应为 {1} 至 {2} 米。请检查单位。</translation>
        </message>
        <message>
            <source>The development index (e.g. dev_index), a need in the priorities and a measure of balance.</source>
            <translation>发展指数（例如 dev_index），作为优先级中的一项需求和均衡的一项衡量指标。</translation>
        </message>
        <message>
            <source>The development index (e.g. dev_index), for the regional balance of the report: how unequal development is between and within the groups, beside access.</source>
            <translation>发展指数（例如 dev_index），用于报告中的区域均衡：发展在各组之间和组内的不均衡程度，与可达性并列。</translation>
        </message>
        <message>
            <source>The development index field {0} has negative values (z-scores?): the regional balance needs an index of 0 or more, e.g. the min-max index.</source>
            <translation>发展指数字段 {0} 含有负值（是否为 z 分数？）：区域均衡需要 0 或以上的指数，例如最小-最大指数。</translation>
        </message>
        <message>
            <source>The development index needs at least two settlements and one indicator.</source>
            <translation>发展指数至少需要两个居民点和一个指标。</translation>
        </message>
        <message>
            <source>The district names in the tables and charts.</source>
            <translation>表格和图表中的区名称。</translation>
        </message>
        <message>
            <source>The districts "{0}" and the public spaces "{1}" do not overlap: no space lies in any district. Check that both cover the same place and that each layer's coordinate system is right.</source>
            <translation>区图层“{0}”与公共空间“{1}”不重叠：没有任何空间位于任何区内。请检查两者是否覆盖同一地点，以及每个图层的坐标参考系是否正确。</translation>
        </message>
        <message>
            <source>The districts or wards of the strategy: one page of the report each.</source>
            <translation>战略中的区或街道：报告中每区一页。</translation>
        </message>
        <message>
            <source>The districts the scorecard is made for.</source>
            <translation>评分表所针对的区。</translation>
        </message>
        <message>
            <source>The districts with their indicators (and a row without geometry for the whole city).</source>
            <translation>各区及其指标（另有一行无几何的全市数据）。</translation>
        </message>
        <message>
            <source>The dominant centre comes from the Huff (1963) model, P_ij = M_j^α c_ij^−β / Σ_k M_k^α c_ik^−β with α = 1 and β = 2 (a choice model, kept at β = 2 whatever the Hansen decay), or from Reilly's (1931) law of retail gravitation, the largest M_j / c_ij².</source>
            <translation>主导中心由 Huff（1963）模型 P_ij = M_j^α c_ij^−β / Σ_k M_k^α c_ik^−β（α = 1，β = 2；这是选择模型，无论 Hansen 衰减如何均保持 β = 2）确定，或由 Reilly（1931）零售引力法则确定，即 M_j / c_ij² 最大者。</translation>
        </message>
        <message>
            <source>The earlier built-up raster {0} ({1} x {2} cells) is not on the grid of {3} ({4} x {5} cells): give both on the same grid (Raster ▸ Align Rasters).</source>
            <translation>较早的建成区栅格 {0}（{1} x {2} 个像元）与 {3}（{4} x {5} 个像元）不在同一格网上：请提供同一格网上的两个栅格（栅格 ▸ 对齐栅格）。</translation>
        </message>
        <message>
            <source>The earlier built-up raster {0} is in {1}, the built-up raster {2} in {3}: give both on the same grid (Raster ▸ Align Rasters).</source>
            <translation>较早的建成区栅格 {0} 采用 {1}，建成区栅格 {2} 采用 {3}：请提供同一格网上的两个栅格（栅格 ▸ 对齐栅格）。</translation>
        </message>
        <message>
            <source>The earlier raster's year ({0}) must come before the year of the built-up raster ({1}).</source>
            <translation>较早栅格的年份（{0}）必须早于建成区栅格的年份（{1}）。</translation>
        </message>
        <message>
            <source>The exact problem has {0} site-population pairs (more than {1}): the greedy choice is used.</source>
            <translation>精确问题有 {0} 个地块-人口对（超过 {1} 个）：采用贪心选择。</translation>
        </message>
        <message>
            <source>The existing public spaces are grown by this distance before they are left out: 0 lets a site touch a space (an extension of it).</source>
            <translation>现有公共空间先按此距离向外扩展，再从开放用地中去除：0 表示地块可以紧邻公共空间（作为其扩展）。</translation>
        </message>
        <message>
            <source>The expected functions by level, the settlements lacking most functions and, per function, how many settlements lack it and how far they travel, in the language of QGIS.</source>
            <translation>各等级的应有功能、缺少功能最多的居民点，以及每种功能有多少居民点缺少、其出行时间多长，使用 QGIS 的语言。</translation>
        </message>
        <message>
            <source>The expected functions name "{0}", which is not a function of the data; the functions are: {1}</source>
            <translation>应有功能表列出了“{0}”，它不是数据中的功能；现有功能为：{1}</translation>
        </message>
        <message>
            <source>The expected functions name level {0}, which no settlement has; the levels are: {1}</source>
            <translation>应有功能表列出了第 {0} 级，但没有居民点属于该等级；现有等级为：{1}</translation>
        </message>
        <message>
            <source>The export of the survey form from KoboToolbox, as CSV or XLSX.</source>
            <translation>从 Kobo 工具箱导出的调查表数据，CSV 或 XLSX 格式。</translation>
        </message>
        <message>
            <source>The facilities "{0}" have no usable points.</source>
            <translation>设施“{0}”中没有可用的点。</translation>
        </message>
        <message>
            <source>The facilities "{0}" have no value in the function field {1}.</source>
            <translation>设施“{0}”的功能字段 {1} 没有任何值。</translation>
        </message>
        <message>
            <source>The facilities have no function values.</source>
            <translation>设施没有功能取值。</translation>
        </message>
        <message>
            <source>The facilities of the scenario "{0}" have no field {1}, the function field of the baseline facilities.</source>
            <translation>情景设施“{0}”没有字段 {1}（基线设施的功能字段）。</translation>
        </message>
        <message>
            <source>The field "{0}" of "{1}" holds values outside 0–100 (for example {2}): it is not a quality index.</source>
            <translation>“{1}”的字段“{0}”含有 0–100 以外的值（例如 {2}）：它不是质量指数。</translation>
        </message>
        <message>
            <source>The field with the city names used in the scorecards.</source>
            <translation>包含评分表中所用城市名称的字段。</translation>
        </message>
        <message>
            <source>The field {0} has negative values.</source>
            <translation>字段 {0} 含有负值。</translation>
        </message>
        <message>
            <source>The field {0} has no value for any settlement: {1} is left out of the score, as if it had not been chosen.</source>
            <translation>字段 {0} 在所有居民点中均无值：{1}不计入得分，视同未选择。</translation>
        </message>
        <message>
            <source>The file {0} does not exist.</source>
            <translation>文件 {0} 不存在。</translation>
        </message>
        <message>
            <source>The file {0} has no layer {1}.</source>
            <translation>文件 {0} 中没有图层 {1}。</translation>
        </message>
        <message>
            <source>The file {0} is damaged or incomplete (GDAL: {1}). Download or export it again.</source>
            <translation>文件 {0} 已损坏或不完整（GDAL：{1}）。请重新下载或导出。</translation>
        </message>
        <message>
            <source>The filter of the urban extents layer is not applied by the batch: {0}</source>
            <translation>批处理不使用城市范围图层的筛选条件：{0}</translation>
        </message>
        <message>
            <source>The filter {0} cannot be applied to {1}: {2}</source>
            <translation>无法对 {1} 应用筛选条件 {0}：{2}</translation>
        </message>
        <message>
            <source>The folder {0} holds no scorecard (.json, .csv or .xlsx).</source>
            <translation>文件夹 {0} 中没有评分表（.json、.csv 或 .xlsx）。</translation>
        </message>
        <message>
            <source>The folder {0} holds the results of a run with other inputs or parameters: choose another folder, or delete its {1} to start again.</source>
            <translation>文件夹 {0} 中保存的是使用其他输入或参数运行的结果：请选择其他文件夹，或删除其中的 {1} 后重新开始。</translation>
        </message>
        <message>
            <source>The framework is not valid:</source>
            <translation>评估框架无效：</translation>
        </message>
        <message>
            <source>The framework must be a JSON object.</source>
            <translation>评估框架必须是一个 JSON 对象。</translation>
        </message>
        <message>
            <source>The framework {0} is not valid:</source>
            <translation>评估框架 {0} 无效：</translation>
        </message>
        <message>
            <source>The functional analysis needs at least two settlements with a location; the input "{0}" has {1}.</source>
            <translation>功能分析至少需要两个有位置的居民点；输入“{0}”只有 {1} 个。</translation>
        </message>
        <message>
            <source>The functional analysis of a settlement system (Rondinelli's Urban Functions in Rural Development): which settlements or sectors have which functions (school, health centre, market, bank…). The presence comes from facility points with a function field (a facility belongs to the sector polygon holding it, or to the nearest settlement point within the distance given) or from function columns of the settlement layer. The scalogram orders functions by how common they are and settlements by how many they have; the coefficient of reproducibility (≥ 0.90) and of scalability (≥ 0.60) say how well they form a hierarchy. Each function is worth 100 centrality points shared among the settlements that have it; a settlement's centrality index is the sum of its functions' weights. Settlements are classed into hierarchy levels (central, intermediate, local by default) by natural breaks, quantiles or your thresholds.</source>
            <translation>居民点体系的功能分析（Rondinelli《农村发展中的城市功能》）：哪些居民点或片区具有哪些功能（学校、卫生中心、市场、银行……）。功能的存在来自带功能字段的设施点（设施归属于包含它的片区面，或给定距离内最近的居民点），或来自居民点图层的功能字段。功能等级表按功能的普遍程度对功能排序，按居民点具有的功能数量对居民点排序；再现性系数（≥ 0.90）和可量表性系数（≥ 0.60）说明它们形成等级体系的程度。每种功能计 100 个中心性分值，由具有该功能的居民点分享；居民点的中心性指数为其功能权重之和。居民点按自然断点法、分位数或您设定的阈值划分为等级（默认为主要中心、次级中心、地方中心）。</translation>
        </message>
        <message>
            <source>The functions a settlement of each hierarchy level should have, separated by semicolons, e.g. level 3: primary school; health post. A more central level also expects what a less central one does. Leave empty to derive them from the scalogram.</source>
            <translation>各等级居民点应具有的功能，以分号分隔，例如第 3 级：primary school; health post。较高中心等级同样应具有较低等级的应有功能。留空则由功能等级表推导。</translation>
        </message>
        <message>
            <source>The gaps of a settlement system (Rondinelli's functional analysis: service areas, unserved areas and gaps). For every settlement: the travel time on the road network to the nearest settlement offering each function (0 where it has the function itself), and the functions a settlement of its hierarchy level should have but lacks. The functions each level should have are derived from the scalogram (a function is expected at a level when at least the given share of its settlements have it, and at every more central level too) or given in a table. Settlements join the nearest road at the off-road speed; those too far from any road are reported and get no travel time.</source>
            <translation>居民点体系的缺口（Rondinelli 的功能分析：服务区、未服务地区和缺口）。对每个居民点：在道路网络上到最近的提供各项功能的居民点的出行时间（自身具有该功能时为 0），以及其所在等级的居民点应具有而它缺少的功能。各等级的应有功能由功能等级表推导（某一等级中至少达到给定比例的居民点具有的功能即为该等级的应有功能，也是所有更高中心等级的应有功能），或在表中给定。居民点以非道路速度接入最近的道路；距离任何道路过远的居民点会被报告，且不计算出行时间。</translation>
        </message>
        <message>
            <source>The group field {0} is empty everywhere: the regional balance has no groups to compare.</source>
            <translation>分组字段 {0} 全部为空：区域均衡没有可比较的分组。</translation>
        </message>
        <message>
            <source>The group whose people the sites should reach, such as children_0_14: a band name of the grid, a count field of the layer, or its number (1 is the total). Empty: all residents. The share of all residents is reported in every case.</source>
            <translation>地块应服务的人口群体，例如 children_0_14：栅格的波段名称、图层的计数字段或其编号（1 为总人口）。为空：全体居民。无论如何都会报告全体居民的比例。</translation>
        </message>
        <message>
            <source>The hierarchy level field {0} has values that are not levels 1, 2, 3…: {1} (e.g. {2}).</source>
            <translation>等级字段 {0} 中有不是等级 1、2、3……的值：{1} 个（例如 {2}）。</translation>
        </message>
        <message>
            <source>The index chart, the ranking and the sensitivity table, in the language of QGIS.</source>
            <translation>指数图表、排名和敏感性表，使用 QGIS 的界面语言。</translation>
        </message>
        <message>
            <source>The indicator {0} has no values.</source>
            <translation>指标 {0} 没有任何数值。</translation>
        </message>
        <message>
            <source>The indicator {0} has the same value everywhere: it cannot tell settlements apart. Leave it out.</source>
            <translation>指标 {0} 在所有地方取值相同，无法区分居民点。请将其移除。</translation>
        </message>
        <message>
            <source>The indicator {0} is a text field ({1}): choose a numeric field.</source>
            <translation>指标 {0} 是文本字段（{1}）：请选择数值字段。</translation>
        </message>
        <message>
            <source>The indicator, the tables by population group and district, charts and a map, in the language of QGIS.</source>
            <translation>指标、按人口群体和区的表格、图表和地图，使用 QGIS 的界面语言。</translation>
        </message>
        <message>
            <source>The influence zones map, travel times by hierarchy level, the least accessible settlements, the sensitivity of the ranking to β and the regional balance of access.</source>
            <translation>影响范围地图、按等级的出行时间、可达性最差的居民点、排名对 β 的敏感性以及可达性的区域均衡。</translation>
        </message>
        <message>
            <source>The input "{0}" has no features.</source>
            <translation>输入“{0}”没有任何要素。</translation>
        </message>
        <message>
            <source>The input "{0}" has no settlement with a usable location.</source>
            <translation>输入“{0}”中没有位置可用的居民点。</translation>
        </message>
        <message>
            <source>The input fields {0} are replaced in the inventory by the fields it computes.</source>
            <translation>输入字段 {0} 在盘点中被其计算出的同名字段替换。</translation>
        </message>
        <message>
            <source>The input layer "{0}" has no valid coordinate reference system. Set its CRS first (Layer Properties ▸ Source, or Assign Projection).</source>
            <translation>输入图层“{0}”没有有效的坐标参考系。请先设置其坐标参考系（图层属性 ▸ 源，或“指定投影”）。</translation>
        </message>
        <message>
            <source>The inputs hold no features with a location ({0}): there is no extent to choose a CRS from.</source>
            <translation>输入中没有带位置的要素（{0}）：无法据此范围选择坐标参考系。</translation>
        </message>
        <message>
            <source>The inventory of public spaces; its ids become the list surveyors choose from.</source>
            <translation>公共空间盘点；其编号成为调查员选择的列表。</translation>
        </message>
        <message>
            <source>The inventory the survey form was made from.</source>
            <translation>生成调查表所依据的盘点图层。</translation>
        </message>
        <message>
            <source>The inventory with, per space, a 0-100 score per dimension, the quality index, the number of submissions, whether every dimension was scored and the share of the questions answered.</source>
            <translation>盘点图层，每个空间附有各维度 0–100 的得分、质量指数、提交记录数、是否每个维度都有得分以及已回答问题的比例。</translation>
        </message>
        <message>
            <source>The largest site ({0} m²) is smaller than the smallest site ({1} m²): no site could be kept.</source>
            <translation>最大地块（{0} 平方米）小于最小地块（{1} 平方米）：没有地块可以保留。</translation>
        </message>
        <message>
            <source>The later date must come after the earlier one (years between them: {0}).</source>
            <translation>较晚日期必须在较早日期之后（两者相隔年数：{0}）。</translation>
        </message>
        <message>
            <source>The layer "{0}" has neither a highway field nor GDAL's other_tags field: choose the lines layer of an OSM file, or a layer with OSM tag columns.</source>
            <translation>图层“{0}”既没有 highway 字段，也没有 GDAL 的 other_tags 字段：请选择 OSM 文件的 lines 图层，或带有 OSM 标签字段的图层。</translation>
        </message>
        <message>
            <source>The layer "{0}" has no OSM tag field (other_tags, or any of {1}): choose the multipolygons layer of an OSM file, or a layer with OSM tag columns.</source>
            <translation>图层“{0}”没有 OSM 标签字段（other_tags，或 {1} 中的任一字段）：请选择 OSM 文件的 multipolygons 图层，或带有 OSM 标签字段的图层。</translation>
        </message>
        <message>
            <source>The layer "{0}" has no field "{1}": give the output of Public space quality from a survey, or choose the field with the quality index.</source>
            <translation>图层“{0}”没有字段“{1}”：请给出“基于调查的公共空间质量”的输出，或选择存放质量指数的字段。</translation>
        </message>
        <message>
            <source>The layer "{0}" has none of the dimension fields ({1}): the weakest dimensions are left empty.</source>
            <translation>图层“{0}”没有任何维度字段（{1}）：最弱维度留空。</translation>
        </message>
        <message>
            <source>The layer "{0}" holds no features: check that it is the right file and layer (an OSM extract of the area, its "lines" or "multipolygons" layer).</source>
            <translation>图层“{0}”中没有任何要素：请检查文件和图层是否正确（应为该区域的 OSM 提取数据及其“lines”或“multipolygons”图层）。</translation>
        </message>
        <message>
            <source>The layer of Public space quality from a survey: the mean quality_index of the surveyed spaces of each district and its weakest dimension (the q_ score with the lowest mean).</source>
            <translation>“基于调查的公共空间质量”的图层：每个区已调查公共空间的平均 quality_index 及其最薄弱的维度（平均值最低的 q_ 分数）。</translation>
        </message>
        <message>
            <source>The layer {0} of {1} has no field {2}.</source>
            <translation>{1} 的图层 {0} 中没有字段 {2}。</translation>
        </message>
        <message>
            <source>The lines layer of an .osm.pbf or .osm file, or a line layer with OSM tag columns.</source>
            <translation>.osm.pbf 或 .osm 文件的 lines 图层，或带有 OSM 标签字段的线图层。</translation>
        </message>
        <message>
            <source>The median of the {0} cities with people serves {1} % of its population; {2} cities are below the national share and {3} below the global baseline of {4} %.</source>
            <translation>在 {0} 个有人口的城市中，可达比例的中位数为 {1} %；{2} 个城市低于全国比例，{3} 个城市低于 {4} % 的全球基线。</translation>
        </message>
        <message>
            <source>The most the chosen sites may cost together, in the unit of the cost field. 0: no budget.</source>
            <translation>所选地块的总成本上限，单位与成本字段相同。0：无预算。</translation>
        </message>
        <message>
            <source>The multipolygons layer of an .osm.pbf or .osm file, or a polygon layer with OSM tag columns.</source>
            <translation>.osm.pbf 或 .osm 文件的 multipolygons 图层，或带有 OSM 标签字段的面图层。</translation>
        </message>
        <message>
            <source>The names {0} name more than one urban extent: tell them apart by extent_id.</source>
            <translation>名称 {0} 对应多个城市范围：请用 extent_id 区分。</translation>
        </message>
        <message>
            <source>The national population grid; every band is a population group (band 1: total). Each city reads only its window. Give either this grid or a population layer.</source>
            <translation>全国人口栅格；每个波段是一个人口群体（波段 1：总人口）。每个城市只读取其所在窗口。请提供此栅格或人口图层之一。</translation>
        </message>
        <message>
            <source>The national street centre-lines, in a file (GeoPackage with a spatial index is best: each city reads only its part).</source>
            <translation>全国街道中心线，保存在文件中（最好是带空间索引的 GeoPackage：每个城市只读取其所在部分）。</translation>
        </message>
        <message>
            <source>The new roads of "{0}" meet no existing road: they change nothing unless a settlement lies near them. Draw them to a vertex of the road network.</source>
            <translation>“{0}”中的新建道路未与任何现有道路相接：除非附近有居民点，否则它们不会带来任何变化。请将其绘制到道路网络的顶点上。</translation>
        </message>
        <message>
            <source>The numbers that make up the development index.</source>
            <translation>构成发展指数的数值。</translation>
        </message>
        <message>
            <source>The open public spaces that count for SDG 11.7.1 (for example the counted spaces of the public space inventory). Invalid polygons are repaired and reported.</source>
            <translation>计入可持续发展目标 11.7.1 的开放公共空间（例如公共空间盘点中计入的空间）。无效的面会被修复并报告。</translation>
        </message>
        <message>
            <source>The open public spaces that count for SDG 11.7.1, in a file; a filter of the layer (such as counted = 1) is kept.</source>
            <translation>计入可持续发展目标 11.7.1 的开放公共空间，保存在文件中；图层的筛选条件（如 counted = 1）会保留。</translation>
        </message>
        <message>
            <source>The open public spaces that count for SDG 11.7.1.</source>
            <translation>计入可持续发展目标 11.7.1 的开放公共空间。</translation>
        </message>
        <message>
            <source>The open public spaces that count for SDG 11.7.1. With a field named counted (the output of the public space inventory), only the spaces with counted = 1 are used.</source>
            <translation>计入可持续发展目标 11.7.1 的开放公共空间。若有名为 counted 的字段（公共空间清单的输出），只使用 counted = 1 的公共空间。</translation>
        </message>
        <message>
            <source>The open public spaces there are today (for example the counted spaces of the public space inventory). People they serve already count for no new site. Without them every site is measured against no public space at all.</source>
            <translation>目前已有的开放公共空间（例如公共空间盘点中计入的空间）。已由其服务的人口不计入任何新地块。不提供时，每个地块都按完全没有公共空间的情况测算。</translation>
        </message>
        <message>
            <source>The original 11.7.1 method: Halton points at 10 per km², 10 ha circles, until the 95 % confidence interval is within the precision below.</source>
            <translation>最初的 11.7.1 方法：每平方公里 10 个 Halton 点、10 公顷圆，直到 95 % 置信区间达到下方的精度。</translation>
        </message>
        <message>
            <source>The output "{0}" would write over the input file {1}. Choose another file.</source>
            <translation>输出“{0}”将覆盖输入文件 {1}。请选择其他文件。</translation>
        </message>
        <message>
            <source>The output folder {0} already holds the results of an earlier run ({1}). Layers of that run shown in the project would change.</source>
            <translation>输出文件夹 {0} 中已有上一次运行的结果（{1}）。工程中显示的该次运行的图层将会改变。</translation>
        </message>
        <message>
            <source>The output folder {0} cannot be created: {1}</source>
            <translation>无法创建输出文件夹 {0}：{1}</translation>
        </message>
        <message>
            <source>The output of Public space quality from a survey: the public spaces with their quality index (empty when not surveyed) and one score field per dimension (q_accessibility, q_use …). Give only the spaces open to the public (select them, or filter the layer as for walking access): a gated garden would otherwise take the people nearest to it as its dependants.</source>
            <translation>“基于调查的公共空间质量”的输出：各公共空间及其质量指数（未调查时为空），以及每个维度一个评分字段（q_accessibility、q_use …）。只给出向公众开放的空间（选中它们，或像步行可达性那样筛选图层）：否则封闭小区的花园会把离它最近的人算作其依赖人口。</translation>
        </message>
        <message>
            <source>The outputs "{0}" and "{1}" are both written to {2}: the second would replace the first. Choose another file for one of them.</source>
            <translation>输出“{0}”和“{1}”都写入 {2}：后者会替换前者。请为其中之一选择另一个文件。</translation>
        </message>
        <message>
            <source>The people of a coarse cell are spread in proportion to the footprint area in each sub-cell.</source>
            <translation>粗分辨率单元的人口按各子单元中建筑轮廓面积的比例分摊。</translation>
        </message>
        <message>
            <source>The people of a coarse cell are spread in proportion to this raster, not evenly.</source>
            <translation>粗分辨率单元的人口按此栅格的比例分摊，而不是平均分摊。</translation>
        </message>
        <message>
            <source>The people of each settlement, for the population figures of the report and to weight the regional balance of access; each settlement counts once when empty.</source>
            <translation>各居民点的人口，用于报告中的人口数字和可达性区域均衡的加权；为空时每个居民点计一次。</translation>
        </message>
        <message>
            <source>The people who do not live within walking distance (400 m by default) of an open public space, by population group (sex, age, disability: every band of the population raster or every chosen field), and where they live. Walking distances, entrances, the urban extent and the districts are exactly those of SDG 11.7.1 (b) walking access, so the unserved population of every district and group is its population less the population that tool reports as served. Outputs: every unserved populated cell or feature as a point with its walking distance to the nearest space (measured up to the search distance), its district and its cluster; the clusters, contiguous unserved areas (cells of the cluster grid that touch, corners included) with their people by group, area, mean and largest walking distance and the district holding most of their people, numbered from the largest; a table by district and group; and a report with a map. Clusters end at district boundaries unless asked otherwise. Clusters with fewer people than the minimum are left out (their people stay among the points).</source>
            <translation>不在开放公共空间步行距离（默认 400 米）内居住的人口，按人口群体（性别、年龄、残障：人口栅格的每个波段或所选的每个字段）统计，以及他们居住的位置。步行距离、入口、城市范围和区与可持续发展目标 11.7.1 (b) 步行可达性完全相同，因此每个区和群体的未被服务人口等于其人口减去该工具报告的被服务人口。输出：每个未被服务的有人口单元或要素作为一个点，带有其到最近空间的步行距离（在搜索距离内测量）、所属区和所属集聚区；集聚区，即连续的未被服务区域（集聚区网格中相接的单元，含角点相接），带有各群体人口、面积、平均和最大步行距离以及容纳其大多数人口的区，按人口从大到小编号；按区和群体的表；以及带地图的报告。除非另行设置，集聚区在区边界处截断。人口少于最小值的集聚区不予保留（其人口仍保留在点中）。</translation>
        </message>
        <message>
            <source>The people who live farther than {0} m walking distance, along the street network, from every open public space: who they are, where they live and how far they would walk.</source>
            <translation>居住在距任何开放公共空间沿街道网络步行距离超过 {0} 米的人口：他们是谁、住在哪里、需要步行多远。</translation>
        </message>
        <message>
            <source>The plan being assessed, e.g. Master Plan 2030.</source>
            <translation>被评估的规划，例如 2030 年总体规划。</translation>
        </message>
        <message>
            <source>The polygons of the spaces and the fields that say what they are.</source>
            <translation>空间的多边形以及说明其类型的字段。</translation>
        </message>
        <message>
            <source>The population field {0} has no value above 0.</source>
            <translation>人口字段 {0} 没有大于 0 的值。</translation>
        </message>
        <message>
            <source>The population field {0} holds a value that is not a number: {1}</source>
            <translation>人口字段 {0} 中有非数值：{1}</translation>
        </message>
        <message>
            <source>The population grid "{0}" has no people inside the districts: the space per person is left empty.</source>
            <translation>人口栅格“{0}”在各区内没有人口：人均空间面积留空。</translation>
        </message>
        <message>
            <source>The population grid "{0}" is only used per district: give the districts too.</source>
            <translation>人口栅格“{0}”仅按区使用：请同时提供区图层。</translation>
        </message>
        <message>
            <source>The population grid has no people inside the urban extent of {0}.</source>
            <translation>人口栅格在 {0} 的城市范围内没有人口。</translation>
        </message>
        <message>
            <source>The population grid {0} is used; the population field of the places is not.</source>
            <translation>使用人口栅格 {0}；不使用地点的人口字段。</translation>
        </message>
        <message>
            <source>The population group "{0}" is not in the population input; give one of: {1} (or its number).</source>
            <translation>人口输入中没有人口群体“{0}”；请给出以下之一：{1}（或其编号）。</translation>
        </message>
        <message>
            <source>The population input "{0}" and the streets "{1}" do not overlap: the people are {2} km from the nearest street. Check that both cover the same place and that each layer's coordinate system is right.</source>
            <translation>人口输入“{0}”与街道“{1}”不重叠：人口距最近的街道 {2} 公里。请检查两者是否覆盖同一地点，以及每个图层的坐标参考系是否正确。</translation>
        </message>
        <message>
            <source>The population input "{0}" holds no people: every cell or feature is nodata, zero or negative.</source>
            <translation>人口输入“{0}”中没有人口：每个像元或要素均为无数据、零或负值。</translation>
        </message>
        <message>
            <source>The population input holds no people (all values are zero, empty or nodata).</source>
            <translation>人口输入中没有人口（所有值均为零、空值或无数据）。</translation>
        </message>
        <message>
            <source>The population within the same distance as the crow flies, the approximation some global datasets use; reported beside the network result, never instead of it.</source>
            <translation>按直线距离计算的同一距离内的人口，即部分全球数据集采用的近似方法；与网络结果一并报告，而不会替代网络结果。</translation>
        </message>
        <message>
            <source>The population within these travel times of each level of centre is compared.</source>
            <translation>比较各等级中心在这些出行时间以内的人口。</translation>
        </message>
        <message>
            <source>The presence of functions must be a table of settlements by functions.</source>
            <translation>功能的有无必须是居民点×功能的表。</translation>
        </message>
        <message>
            <source>The presence table has {0} functions but {1} names.</source>
            <translation>功能有无表有 {0} 个功能，但有 {1} 个名称。</translation>
        </message>
        <message>
            <source>The previous scorecard "{0}" has no field district: give the table of an earlier run of the public space scorecard.</source>
            <translation>上一期评分表“{0}”没有区字段 district：请提供公共空间评分表以前某次运行的表格。</translation>
        </message>
        <message>
            <source>The previous scorecard "{0}" has no rows.</source>
            <translation>上一期评分表“{0}”没有行。</translation>
        </message>
        <message>
            <source>The previous scorecard "{0}" is of {1}, later than this run ({2}): swap them, or set the year of this run.</source>
            <translation>上一期评分表“{0}”的年份为 {1}，晚于本次运行（{2}）：请交换两者，或设置本次运行的年份。</translation>
        </message>
        <message>
            <source>The previous scorecard holds the years {0}: give the table of one run.</source>
            <translation>上一期评分表包含多个年份 {0}：请提供一次运行的表格。</translation>
        </message>
        <message>
            <source>The previous scorecard is of the same year ({0}) as this run.</source>
            <translation>上一期评分表与本次运行的年份相同（{0}）。</translation>
        </message>
        <message>
            <source>The public spaces surveyed, e.g. the output of the public space inventory.</source>
            <translation>被调查的公共空间，例如公共空间盘点的输出。</translation>
        </message>
        <message>
            <source>The public spaces there are today: they are open land already and are left out (with the buffer below).</source>
            <translation>现有的公共空间：它们已是开放用地，不计入（含下方的缓冲距离）。</translation>
        </message>
        <message>
            <source>The questionnaire is not valid ({0} problems):</source>
            <translation>问卷无效（{0} 个问题）：</translation>
        </message>
        <message>
            <source>The questionnaire {0} is not valid ({1} problems):</source>
            <translation>问卷 {0} 无效（{1} 个问题）：</translation>
        </message>
        <message>
            <source>The ranking is by {0} alone, but no {0} component has any data: give a field with values or change the weight of need.</source>
            <translation>排名仅依据{0}，但没有任何{0}分项有数据：请提供有值的字段，或调整需求的权重。</translation>
        </message>
        <message>
            <source>The ranking is driven mostly by "{0}" ({1} % of the spread of the scores): check its weight and data.</source>
            <translation>排名主要由“{0}”决定（占得分离散程度的 {1}%）：请检查其权重和数据。</translation>
        </message>
        <message>
            <source>The ranking layer of Public spaces to upgrade first: the spaces ranked among the first (below) are counted per district.</source>
            <translation>“优先升级的公共空间”的排名图层：排名在前（见下）的公共空间按区计数。</translation>
        </message>
        <message>
            <source>The ranking with the contribution of need and people to each score, a map of the priorities, the spaces to survey first and the weakest dimensions across the city, in the language of QGIS.</source>
            <translation>排名及需求和人口对每个分数的贡献、优先级地图、应首先调查的空间以及全市最弱的维度，使用 QGIS 的语言。</translation>
        </message>
        <message>
            <source>The region today</source>
            <translation>区域现状</translation>
        </message>
        <message>
            <source>The report was not written.</source>
            <translation>未写入报告。</translation>
        </message>
        <message>
            <source>The road network "{0}" has no lines with at least two vertices.</source>
            <translation>道路网络“{0}”中没有至少包含两个顶点的线。</translation>
        </message>
        <message>
            <source>The road network of today.</source>
            <translation>现状道路网络。</translation>
        </message>
        <message>
            <source>The road network used for travel times.</source>
            <translation>用于计算出行时间的道路网络。</translation>
        </message>
        <message>
            <source>The run has no cities: there is nothing to report.</source>
            <translation>本次运行没有城市：无可报告内容。</translation>
        </message>
        <message>
            <source>The run stopped on an unexpected error ({0}: {1}). Nothing was written. Please report it with the log of this run to the plugin's issue tracker.</source>
            <translation>运行因意外错误而停止（{0}：{1}）。未写入任何内容。请将本次运行的日志报告至插件的问题跟踪页面。</translation>
        </message>
        <message>
            <source>The run stopped; nothing was added to the project.</source>
            <translation>运行已停止；未向工程添加任何内容。</translation>
        </message>
        <message>
            <source>The same chain on both networks; the hierarchy keeps today's class bounds; accessibility with a 30-minute half-life; inequality as population-weighted Theil, Gini and CV.</source>
            <translation>两个网络上运行相同的分析流程；等级体系保留现状的分级界限；可达性的半衰时间为 30 分钟；不平等以按人口加权的泰尔指数、基尼系数和变异系数衡量。</translation>
        </message>
        <message>
            <source>The same chain runs on both: centrality from the functions (Rondinelli), levels by the baseline's natural breaks, travel time on the roads with the speed of each class, Hansen accessibility with exponential decay, functions expected at each level from the baseline's scalogram, priorities from need and potential scaled over both runs together. New roads join the network at their ends; a settlement near a new road may use it or keep its old road. Influence and travel times are a model of the network, not a forecast of traffic.</source>
            <translation>两者运行相同的分析流程：由功能计算中心性（Rondinelli），按基线的自然断点划分等级，按各道路等级的速度计算道路上的出行时间，Hansen 可达性采用指数衰减，各等级的应有功能由基线的功能等级表推导，优先级由需求和潜力得出，并在两次运行中统一缩放。新建道路在其端点接入道路网络；新建道路附近的居民点可以使用新路，也可以继续使用原有道路。影响范围和出行时间是对道路网络的模拟，而非交通量预测。</translation>
        </message>
        <message>
            <source>The same fields without geometry, for a spreadsheet.</source>
            <translation>相同的字段，不含几何，供电子表格使用。</translation>
        </message>
        <message>
            <source>The same kind of built-up data on the same grid for an earlier year (GHSL epochs are). Its extents are matched to the cities of the later date by overlap, with no smallest size.</source>
            <translation>较早年份、同一格网上的同类建成区数据（GHSL 各时期即是如此）。其范围按重叠与较晚日期的城市匹配，不设最小面积。</translation>
        </message>
        <message>
            <source>The same rows as a table (CSV opens in a spreadsheet): next year's run takes it as the previous scorecard.</source>
            <translation>相同的行作为表格（CSV 可在电子表格中打开）：下一年运行时将其作为上一期评分表。</translation>
        </message>
        <message>
            <source>The sampling precision is ±{0} points: at most ±{1}, because a wider 95 % interval says nothing about a street share of 15–30 %.</source>
            <translation>抽样精度为 ±{0} 个百分点：最多 ±{1}，因为更宽的 95 % 置信区间无法说明 15–30 % 的街道比例。</translation>
        </message>
        <message>
            <source>The scalogram chart, the coefficients and the hierarchy table, in the language of QGIS.</source>
            <translation>功能等级表图、各系数和等级表，使用 QGIS 的界面语言。</translation>
        </message>
        <message>
            <source>The scalogram needs at least two settlements and one function.</source>
            <translation>功能等级表至少需要两个居民点和一种功能。</translation>
        </message>
        <message>
            <source>The scenario</source>
            <translation>情景</translation>
        </message>
        <message>
            <source>The scorecard to hand to an assessor.</source>
            <translation>交给评估者填写的评分表。</translation>
        </message>
        <message>
            <source>The scorecard {0} cannot be written: {1}</source>
            <translation>无法写入评分表 {0}：{1}</translation>
        </message>
        <message>
            <source>The scorecards cannot be assessed together:</source>
            <translation>这些评分表无法一起评估：</translation>
        </message>
        <message>
            <source>The scores do not match the criteria of the framework.</source>
            <translation>分数与评估框架的标准不一致。</translation>
        </message>
        <message>
            <source>The services found in each settlement and the road network.</source>
            <translation>各居民点的服务设施以及道路网络。</translation>
        </message>
        <message>
            <source>The settlement names in the tables, maps and charts.</source>
            <translation>表格、地图和图表中的居民点名称。</translation>
        </message>
        <message>
            <source>The settlement system of a region: functions and hierarchy, development index, accessibility of centres and investment priorities.</source>
            <translation>区域的居民点体系：功能与等级、发展指数、中心的可达性以及投资优先级。</translation>
        </message>
        <message>
            <source>The settlements (points or sectors) and their indicators.</source>
            <translation>居民点（点或片区）及其指标。</translation>
        </message>
        <message>
            <source>The settlements are ranked by Hansen accessibility with each β; Spearman's ρ compares each ranking with the one at the β used (first row): 1 is the same order. The rank changes say how many places a settlement moves. A ρ near 1 and small changes mean that the conclusions do not hinge on the exact β; large changes mean β should be calibrated on local trip data.</source>
            <translation>按每个 β 下的 Hansen 可达性对居民点排名；Spearman ρ 将每个排名与所用 β（第一行）下的排名比较：1 表示顺序相同。排名变化表示居民点移动了多少位。ρ 接近 1 且变化较小，说明结论不取决于 β 的确切取值；变化较大则说明应使用本地出行数据校准 β。</translation>
        </message>
        <message>
            <source>The settlements with each normalised indicator, the index, its rank and class; with a centrality field also the class by centrality (cen_level), the combined score (sdf_score) and class (sdf_level, sdf_label).</source>
            <translation>包含各标准化指标、指数及其排名和等级的居民点；给定中心性字段时，还包括按中心性的等级（cen_level）、综合得分（sdf_score）和综合等级（sdf_level、sdf_label）。</translation>
        </message>
        <message>
            <source>The settlements with their number of functions, centrality index, rank and hierarchy level.</source>
            <translation>居民点及其功能数量、中心性指数、排名和等级。</translation>
        </message>
        <message>
            <source>The settlements with, per function, the travel time to the nearest provider (t_&lt;function&gt;, minutes), the expected functions they lack and their number.</source>
            <translation>居民点及其到每种功能最近提供者的出行时间（t_&lt;功能&gt;，分钟）、所缺少的应有功能及其数量。</translation>
        </message>
        <message>
            <source>The settlements, their people, the services they have and the roads.</source>
            <translation>居民点、其人口、其拥有的服务设施以及道路。</translation>
        </message>
        <message>
            <source>The share of a component is the covariance of its contribution with the score divided by the variance of the score: the shares add up to 100 %, a large share means that component decides most of the ranking, and a negative one that it works against the others.</source>
            <translation>分项的占比等于其贡献与得分的协方差除以得分的方差：各占比之和为 100%；占比大表示该分项决定了排名的大部分，占比为负表示它与其他分项作用相反。</translation>
        </message>
        <message>
            <source>The share of settlements must be above 0 and at most 1; got {0}.</source>
            <translation>居民点比例必须大于 0 且不超过 1；实际为 {0}。</translation>
        </message>
        <message>
            <source>The share served today and with the new spaces, the curve, a map of the chosen sites and the table, in the language of QGIS.</source>
            <translation>目前和新增公共空间后的服务比例、曲线、所选地块地图和表格，使用 QGIS 的界面语言。</translation>
        </message>
        <message>
            <source>The shares against the benchmarks, the table by city and district, a chart and a map, in the language of QGIS.</source>
            <translation>各比例与基准值的比较、按城市和区的表格、图表和地图，使用 QGIS 的界面语言。</translation>
        </message>
        <message>
            <source>The side-by-side table, a map of the minutes gained, the changes of level and priority and the regional balance, in the language of QGIS.</source>
            <translation>并列对照表、缩短时间地图、等级和优先级的变化以及区域均衡，使用 QGIS 的界面语言。</translation>
        </message>
        <message>
            <source>The sites that could become public space, how many to add, and an earlier scorecard.</source>
            <translation>可以成为公共空间的地块、新增数量，以及之前的评分表。</translation>
        </message>
        <message>
            <source>The solver stops after this time with the best solution found and the gap it proved.</source>
            <translation>求解器在此时间后停止，保留已找到的最佳解及其已证明的差距。</translation>
        </message>
        <message>
            <source>The space ids must be unique; used more than once: {0}.</source>
            <translation>空间编号必须唯一；重复使用的编号：{0}。</translation>
        </message>
        <message>
            <source>The space ids the surveyors chose from.</source>
            <translation>调查员选择的空间编号。</translation>
        </message>
        <message>
            <source>The space ids {0} cannot be used in the form: "{1}" is the form's choice for a space not in the list, and an id cannot hold line breaks, tabs or control characters. Give these spaces other ids in the field "{2}".</source>
            <translation>空间编号 {0} 不能用于表单：“{1}”是表单中“不在列表中”的选项，且编号不能包含换行符、制表符或控制字符。请在字段“{2}”中为这些空间改用其他编号。</translation>
        </message>
        <message>
            <source>The spaces surveyed, with the ids used in the form.</source>
            <translation>被调查的空间，带有表单中使用的编号。</translation>
        </message>
        <message>
            <source>The spaces with rank 1 to this number in the upgrade priority list are the city's spaces to upgrade (the list of the strategy).</source>
            <translation>升级优先级列表中排名 1 至此数的公共空间为全市需升级的公共空间（战略的清单）。</translation>
        </message>
        <message>
            <source>The spaces, what counts among them, and the quality survey of them.</source>
            <translation>公共空间、其中哪些计入，以及对它们的质量调查。</translation>
        </message>
        <message>
            <source>The speed of road class {0} is {1} km/h: give a speed above 0 and at most {2} km/h.</source>
            <translation>道路等级 {0} 的速度为 {1} 公里/小时：请给出大于 0 且不超过 {2} 公里/小时的速度。</translation>
        </message>
        <message>
            <source>The speed table needs a speed for every road class.</source>
            <translation>速度表需要为每个道路等级给出速度。</translation>
        </message>
        <message>
            <source>The street area of each city, dissolved and clipped to its urban extent.</source>
            <translation>每个城市的街道面积，已融合并裁剪到其城市范围。</translation>
        </message>
        <message>
            <source>The street network has no lines with at least two vertices.</source>
            <translation>街道网络中没有至少包含两个节点的线。</translation>
        </message>
        <message>
            <source>The streets "{0}" and the urban extent "{1}" do not overlap: no street lies in any city. Check that both cover the same place and that each layer's coordinate system is right.</source>
            <translation>街道“{0}”与城市范围“{1}”不重叠：没有任何街道位于任何城市内。请检查两者是否覆盖同一地点，以及每个图层的坐标参考系是否正确。</translation>
        </message>
        <message>
            <source>The streets "{0}" hold no line to measure.</source>
            <translation>街道“{0}”中没有可供计算的线。</translation>
        </message>
        <message>
            <source>The streets "{0}" hold no street area to measure.</source>
            <translation>街道“{0}”中没有可供计算的街道面积。</translation>
        </message>
        <message>
            <source>The suburban density ({0} %) must be above 0 and below the urban density ({1} %), which is at most 100 %.</source>
            <translation>郊区密度（{0}%）必须大于 0 且小于城市密度（{1}%），城市密度最高为 100%。</translation>
        </message>
        <message>
            <source>The suburban threshold ({0} %) must be above 0 and below the urban threshold ({1} %), which is at most 100 %.</source>
            <translation>郊区阈值（{0}%）必须大于 0 且小于城市阈值（{1}%），城市阈值最高为 100%。</translation>
        </message>
        <message>
            <source>The survey export {0} has a header row but no submissions.</source>
            <translation>调查导出文件 {0} 只有表头行，没有提交记录。</translation>
        </message>
        <message>
            <source>The survey export {0} has no sheet.</source>
            <translation>调查导出文件 {0} 没有工作表。</translation>
        </message>
        <message>
            <source>The survey export {0} is damaged at line {1}: a quote is not closed or is followed by other text ({2}). Export the data again from KoboToolbox.</source>
            <translation>调查导出文件 {0} 在第 {1} 行损坏：引号未闭合或其后紧跟其他文本（{2}）。请从 KoboToolbox 重新导出数据。</translation>
        </message>
        <message>
            <source>The survey export {0} is damaged: its header row has {1} columns, but {2} rows have a different number of cells: {3}{4}. A stray quote or separator shifts the answers to the wrong questions; export the data again from KoboToolbox.</source>
            <translation>调查导出文件 {0} 已损坏：表头行有 {1} 列，但有 {2} 行的单元格数量不同：{3}{4}。多余的引号或分隔符会使答案错位到其他问题下；请从 KoboToolbox 重新导出数据。</translation>
        </message>
        <message>
            <source>The survey export {0} is empty (0 bytes): download it again from KoboToolbox.</source>
            <translation>调查导出文件 {0} 为空（0 字节）：请从 KoboToolbox 重新下载。</translation>
        </message>
        <message>
            <source>The survey export {0} is empty.</source>
            <translation>调查导出文件 {0} 为空。</translation>
        </message>
        <message>
            <source>The survey export {0} is not a readable XLSX workbook: it is damaged, incomplete or another format ({1}). Download it again from KoboToolbox.</source>
            <translation>调查导出文件 {0} 不是可读取的 XLSX 工作簿：文件已损坏、不完整或为其他格式（{1}）。请从 KoboToolbox 重新下载。</translation>
        </message>
        <message>
            <source>The survey export {0} is not a text file (line {1} holds binary data): it is damaged or not a CSV.</source>
            <translation>调查导出文件 {0} 不是文本文件（第 {1} 行含有二进制数据）：文件已损坏或不是 CSV。</translation>
        </message>
        <message>
            <source>The survey import log lists each row, column and value.</source>
            <translation>调查导入日志列出了每一行、每一列和每个值。</translation>
        </message>
        <message>
            <source>The table (CSV or GeoPackage) of an earlier run of this tool: the change of every indicator since then is added, districts matched by name.</source>
            <translation>本工具以前某次运行的表格（CSV 或 GeoPackage）：添加自那时以来每个指标的变化，区按名称匹配。</translation>
        </message>
        <message>
            <source>The table ends with road class "{0}" without a value: every road class needs its value.</source>
            <translation>表格以没有数值的道路等级“{0}”结尾：每个道路等级都需要对应的数值。</translation>
        </message>
        <message>
            <source>The table gives "{0}" for road class {1}: not a number.</source>
            <translation>表中道路等级 {1} 的值“{0}”不是数字。</translation>
        </message>
        <message>
            <source>The table gives road class {0} twice, with {1} and {2}: keep one row.</source>
            <translation>表格两次给出道路等级 {0}，分别为 {1} 和 {2}：请只保留一行。</translation>
        </message>
        <message>
            <source>The table gives {0} m for road class {1}: a street is {2} to {3} m wide. Check the unit.</source>
            <translation>表格中道路等级 {1} 的宽度为 {0} 米：街道宽度应为 {2} 至 {3} 米。请检查单位。</translation>
        </message>
        <message>
            <source>The table gives {0} m for road class {1}: a width must be more than 0.</source>
            <translation>表中道路等级 {1} 的宽度为 {0} 米：宽度必须大于 0。</translation>
        </message>
        <message>
            <source>The thresholds given are not used: they apply only to the thresholds method.</source>
            <translation>给出的阈值未被使用：阈值仅适用于阈值法。</translation>
        </message>
        <message>
            <source>The thresholds method needs the thresholds: increasing centrality values separated by commas.</source>
            <translation>阈值法需要给出阈值：以逗号分隔的递增中心性数值。</translation>
        </message>
        <message>
            <source>The travel time field {0} has {1} negative values: travel times are minutes, 0 or more.</source>
            <translation>出行时间字段 {0} 中有 {1} 个负值：出行时间以分钟计，应为 0 或以上。</translation>
        </message>
        <message>
            <source>The type mapping ends with "{0}" without a category: every type value needs its category.</source>
            <translation>类型对照表以没有类别的“{0}”结尾：每个类型值都需要对应的类别。</translation>
        </message>
        <message>
            <source>The type mapping gives "{0}" for "{1}"; use one of: {2}.</source>
            <translation>类型对照表中“{1}”对应的“{0}”无效；请使用以下之一：{2}。</translation>
        </message>
        <message>
            <source>The type mapping gives "{0}" twice, as {1} and as {2}: keep one row.</source>
            <translation>类型对照表两次给出“{0}”，分别为 {1} 和 {2}：请只保留一行。</translation>
        </message>
        <message>
            <source>The type mapping gives the category "{0}" without a type value.</source>
            <translation>类型对照表给出了没有类型值的类别“{0}”。</translation>
        </message>
        <message>
            <source>The unserved people are put on a grid of cells this size; cells that touch (corners included) form one cluster. The size of the population grid is a good choice.</source>
            <translation>未被服务人口被放到此大小的单元格网上；相接（含角点相接）的单元构成一个集聚区。人口栅格的单元大小是合适的选择。</translation>
        </message>
        <message>
            <source>The unserved people spread over {0} × {1} cells of {2} m: too many. Choose a larger cluster cell size.</source>
            <translation>未被服务的人口分布在 {0} × {1} 个 {2} 米单元上：太多。请选择更大的集聚区单元大小。</translation>
        </message>
        <message>
            <source>The unserved population by group and district, a map of the clusters and the largest clusters, in the language of QGIS.</source>
            <translation>按群体和区的未被服务人口、集聚区地图和最大的集聚区，使用 QGIS 的语言。</translation>
        </message>
        <message>
            <source>The urban extent "{0}" has no polygon with an area to measure.</source>
            <translation>城市范围“{0}”中没有可供计算的有面积的面。</translation>
        </message>
        <message>
            <source>The urban extent has no polygon with an area.</source>
            <translation>城市范围中没有具有面积的多边形。</translation>
        </message>
        <message>
            <source>The urban extent is too small for the sampling method: fewer than two sample circles fall inside it.</source>
            <translation>城市范围太小，无法使用抽样方法：落在其中的样本圆少于两个。</translation>
        </message>
        <message>
            <source>The urban extent of each city from a built-up raster (GHSL built-up surface, ESA WorldCover, or any 0–1 built-up share grid), by the method of the Atlas of Urban Expansion that UN-Habitat's SDG 11.3.1 module uses: every built-up cell is urban when more than 50 % of the 1 km² circle around it is built-up, suburban from 25 % to 50 %, rural below; open land within 100 m of urban or suburban cells is fringe open space; gaps enclosed by them and smaller than 200 ha are captured open space. The urban extent is urban + suburban + fringe + captured open space; each connected piece is a city, named from a places layer when given. The extents go straight into SDG 11.7.1 (a) and (b) (choose name as the city name field). With a built-up raster of an earlier date and the population at both dates, it reports SDG 11.3.1: the land consumption rate, the population growth rate and their ratio, per city. The raster must be in a projected CRS in metres.</source>
            <translation>按照联合国人居署可持续发展目标 11.3.1 培训模块所采用的《城市扩张地图集》方法，由建成区栅格（GHSL 建成区面积、ESA WorldCover 或任何 0–1 建成区比例栅格）得出每个城市的城市范围：若某建成区像元周围 1 平方公里圆内超过 50% 为建成区，则为城市；25% 至 50% 为郊区；低于 25% 为乡村；距城市或郊区像元 100 米以内的开放用地为边缘开放空间；被它们包围且小于 200 公顷的空隙为被包围的开放空间。城市范围 = 城市 + 郊区 + 边缘开放空间 + 被包围的开放空间；每个连通的部分为一个城市，提供地名图层时按其命名。所得范围可直接用于可持续发展目标 11.7.1 (a) 和 (b)（城市名称字段选择 name）。若另有较早日期的建成区栅格以及两个日期的人口，则按城市报告可持续发展目标 11.3.1：土地消耗率、人口增长率及二者之比。栅格必须采用以米为单位的投影坐标参考系。</translation>
        </message>
        <message>
            <source>The urban extent of {0} has no area.</source>
            <translation>{0} 的城市范围没有面积。</translation>
        </message>
        <message>
            <source>The urban extent the indicator is measured on, and the streets.</source>
            <translation>测量指标所依据的城市范围，以及街道。</translation>
        </message>
        <message>
            <source>The urban extent {0} is too small for the sampling method: fewer than two sample circles fall inside it.</source>
            <translation>城市范围 {0} 对抽样法而言太小：落在其中的样本圆少于两个。</translation>
        </message>
        <message>
            <source>The urban extents layer {0} holds no polygon with an area.</source>
            <translation>城市范围图层 {0} 中没有具有面积的多边形。</translation>
        </message>
        <message>
            <source>The urban extents {0} are not in a projected CRS in metres: give one with --crs, e.g. the UTM zone of the country.</source>
            <translation>城市范围 {0} 不是以米为单位的投影坐标参考系：请用 --crs 指定，例如该国所在的 UTM 分带。</translation>
        </message>
        <message>
            <source>The urban extents {0} could not be turned into polygons.</source>
            <translation>城市范围 {0} 无法转换为面。</translation>
        </message>
        <message>
            <source>The urban extents {0} have no coordinate system: give one with --crs.</source>
            <translation>城市范围 {0} 没有坐标参考系：请用 --crs 指定。</translation>
        </message>
        <message>
            <source>The walking distance of unserved people to the nearest space is measured up to this; farther counts as no space within reach (an empty distance). At least the walking distance.</source>
            <translation>未被服务人口到最近空间的步行距离最远测量到此值；更远视为可达范围内没有空间（距离为空）。至少为步行距离。</translation>
        </message>
        <message>
            <source>The weight of "{0}" must be a number of 0 or more, at most {1} (weights are relative), not "{2}".</source>
            <translation>“{0}”的权重必须是 0 或以上、至多 {1} 的数字（权重是相对值），而不是“{2}”。</translation>
        </message>
        <message>
            <source>The weight of centrality must lie between 0 and 1; got {0}.</source>
            <translation>中心性的权重必须在 0 到 1 之间；实际为 {0}。</translation>
        </message>
        <message>
            <source>The weight of need is 0 (rank by potential alone) but no potential component is chosen: give a centrality or accessibility field or the corridors, or raise the weight of need.</source>
            <translation>需求权重为 0（仅按潜力排名），但未选择任何潜力组成部分：请给出中心性或可达性字段或发展走廊，或提高需求权重。</translation>
        </message>
        <message>
            <source>The weight of need is 1 (rank by need alone) but no need component is chosen: give a development index or travel time field, or lower the weight of need.</source>
            <translation>需求权重为 1（仅按需求排名），但未选择任何需求组成部分：请给出发展指数或出行时间字段，或降低需求权重。</translation>
        </message>
        <message>
            <source>The weight of need must lie between 0 and 1.</source>
            <translation>需求的权重必须介于 0 和 1 之间。</translation>
        </message>
        <message>
            <source>The weights of need and of people are both 0: give at least one a weight above 0.</source>
            <translation>需求权重和人口权重均为 0：请至少给其中一个大于 0 的权重。</translation>
        </message>
        <message>
            <source>The weights of need and of people must be 0 or more.</source>
            <translation>需求权重和人口权重必须为 0 或以上。</translation>
        </message>
        <message>
            <source>The year of the plan version assessed, to compare versions over time.</source>
            <translation>被评估规划版本的年份，用于比较不同时期的版本。</translation>
        </message>
        <message>
            <source>The {0} cities with the least land in streets and open public space:</source>
            <translation>街道和开放公共空间用地最少的 {0} 个城市：</translation>
        </message>
        <message>
            <source>The {0} cities with the lowest share served:</source>
            <translation>可达比例最低的 {0} 个城市：</translation>
        </message>
        <message>
            <source>The {0} components need a weight above 0.</source>
            <translation>{0}分项的权重必须大于 0。</translation>
        </message>
        <message>
            <source>The {0} largest of {1} clusters; all are in the cluster layer.</source>
            <translation>{1} 个集聚区中最大的 {0} 个；全部集聚区见集聚区图层。</translation>
        </message>
        <message>
            <source>The {0} least accessible settlements</source>
            <translation>可达性最差的 {0} 个居民点</translation>
        </message>
        <message>
            <source>The {0} must be a number from {1} to {2} m, not {3}.</source>
            <translation>{0}必须是 {1} 至 {2} 米之间的数值，而不是 {3}。</translation>
        </message>
        <message>
            <source>The {0} raster {1} ({2} x {3} cells) is too large to read at once: clip it to the area of interest first.</source>
            <translation>{0}栅格 {1}（{2} x {3} 个像元）太大，无法一次读取：请先将其裁剪到研究区域。</translation>
        </message>
        <message>
            <source>The {0} raster {1} has no band.</source>
            <translation>{0}栅格 {1} 没有波段。</translation>
        </message>
        <message>
            <source>Theil index</source>
            <translation>泰尔指数</translation>
        </message>
        <message>
            <source>Theil index (0: equal access everywhere), split into the inequality between the groups ({0}) and within them; Gini coefficient and coefficient of variation alongside. {1} Settlements without a value are left out.</source>
            <translation>泰尔指数（0：各处可达性相同），分解为组间（{0}）不平等和组内不平等；并列出基尼系数和变异系数。{1}没有数值的居民点不计入。</translation>
        </message>
        <message>
            <source>Theil index of {0}</source>
            <translation>{0}的泰尔指数</translation>
        </message>
        <message>
            <source>Theil within</source>
            <translation>组内泰尔指数</translation>
        </message>
        <message>
            <source>Their dependants</source>
            <translation>其依赖人口</translation>
        </message>
        <message>
            <source>Theme</source>
            <translation>主题</translation>
        </message>
        <message>
            <source>Theme {0} of {1}: {2}</source>
            <translation>主题 {0}/{1}：{2}</translation>
        </message>
        <message>
            <source>Themes</source>
            <translation>主题</translation>
        </message>
        <message>
            <source>Themes (% of the potential score; not applicable at the centre)</source>
            <translation>各主题（占满分 %；不适用者位于中心）</translation>
        </message>
        <message>
            <source>There are no candidate sites to choose from.</source>
            <translation>没有可供选择的候选地块。</translation>
        </message>
        <message>
            <source>There is no public space to measure access to.</source>
            <translation>没有可用于计算可达性的公共空间。</translation>
        </message>
        <message>
            <source>There is no urban extent polygon to measure.</source>
            <translation>没有可用于计算的城市范围面。</translation>
        </message>
        <message>
            <source>These are assessed as different plans, as their names or years differ: {0}. If they are one plan, write it the same way in every scorecard.</source>
            <translation>由于名称或年份不同，以下被作为不同的规划评估：{0}。如果它们是同一个规划，请在每份评分表中以相同方式填写。</translation>
        </message>
        <message>
            <source>These fields are marked as "more is worse" but are not indicators: {0}</source>
            <translation>以下字段被标为“数值越高越差”，但不是指标：{0}</translation>
        </message>
        <message>
            <source>These indicator fields are chosen more than once: {0}</source>
            <translation>以下指标字段被选择了不止一次：{0}</translation>
        </message>
        <message>
            <source>These spaces have no quality index — never surveyed, or a dimension left unanswered ({0} of them) — so they have no priority. Most dependants first.</source>
            <translation>这些空间没有质量指数——从未调查过，或有维度未作答（其中 {0} 个）——因此没有优先级。依赖人口最多的排在前面。</translation>
        </message>
        <message>
            <source>This is at or above the global baseline of about {0} % (regions {1}–{2} %).</source>
            <translation>这一比例达到或高于约 {0} % 的全球基线（各区域 {1}–{2} %）。</translation>
        </message>
        <message>
            <source>This is below the global baseline of about {0} % (regions {1}–{2} %).</source>
            <translation>这一比例低于约 {0} % 的全球基线（各区域 {1}–{2} %）。</translation>
        </message>
        <message>
            <source>This scorecard has unsaved changes. Save them before going on?</source>
            <translation>此评分表有未保存的更改。是否先保存？</translation>
        </message>
        <message>
            <source>This tool needs the Python package(s) {0}, which are not installed.</source>
            <translation>此工具需要 Python 包 {0}，但尚未安装。</translation>
        </message>
        <message>
            <source>Three levels are named central, intermediate and local.</source>
            <translation>三个等级分别称为主要中心、次级中心和地方中心。</translation>
        </message>
        <message>
            <source>Thresholds</source>
            <translation>阈值</translation>
        </message>
        <message>
            <source>Thresholds (centrality)</source>
            <translation>阈值（中心性）</translation>
        </message>
        <message>
            <source>Thresholds are centrality values, which are never negative; got "{0}".</source>
            <translation>阈值是中心性数值，不可能为负；实际为“{0}”。</translation>
        </message>
        <message>
            <source>Thresholds must be numbers separated by commas; got "{0}".</source>
            <translation>阈值必须是以逗号分隔的数字；实际输入为“{0}”。</translation>
        </message>
        <message>
            <source>Time limit of the exact solver (s)</source>
            <translation>精确求解器的时间上限（秒）</translation>
        </message>
        <message>
            <source>Tool: {0}.</source>
            <translation>工具：{0}。</translation>
        </message>
        <message>
            <source>Total population</source>
            <translation>总人口</translation>
        </message>
        <message>
            <source>Travel speed of each road class. The defaults are typical rural speeds: adapt them to the region's roads and vehicles.</source>
            <translation>各道路等级的通行速度。默认值为典型的农村速度：请根据区域道路和交通工具进行调整。</translation>
        </message>
        <message>
            <source>Travel time bands</source>
            <translation>出行时间带</translation>
        </message>
        <message>
            <source>Travel time bands (minutes)</source>
            <translation>出行时间带（分钟）</translation>
        </message>
        <message>
            <source>Travel time field (minutes)</source>
            <translation>出行时间字段（分钟）</translation>
        </message>
        <message>
            <source>Travel time to the nearest centre</source>
            <translation>到最近中心的出行时间</translation>
        </message>
        <message>
            <source>Travel time to the nearest top-level centre (min)</source>
            <translation>到最近最高等级中心的出行时间（分钟）</translation>
        </message>
        <message>
            <source>Travel time to {0} (min)</source>
            <translation>到{0}中心的出行时间（分钟）</translation>
        </message>
        <message>
            <source>Travel times around the centres drawn as bands, comma-separated.</source>
            <translation>以时间带表示的中心周围出行时间，以逗号分隔。</translation>
        </message>
        <message>
            <source>Two candidate spaces that both count, or both do not, are duplicates when this share of the smaller one lies in the larger; the larger is kept.</source>
            <translation>两个候选空间同为计入或同为不计入，且较小者的这一比例位于较大者内时，视为重复；保留较大者。</translation>
        </message>
        <message>
            <source>Type field</source>
            <translation>类型字段</translation>
        </message>
        <message>
            <source>Type field values (case ignored) and their category: park, civic_park, square, recreational_green, public_facility or not_counted. Values not listed are reported.</source>
            <translation>类型字段的取值（不区分大小写）及其类别：park、civic_park、square、recreational_green、public_facility 或 not_counted。未列出的取值会被报告。</translation>
        </message>
        <message>
            <source>Type mapping</source>
            <translation>类型对照表</translation>
        </message>
        <message>
            <source>Type value "{0}" ({1} spaces) is not in the type mapping: not counted. Add it to the mapping if it is an open public space.</source>
            <translation>类型值“{0}”（{1} 个空间）不在类型对照表中：不计入。如果它是开放公共空间，请将其加入对照表。</translation>
        </message>
        <message>
            <source>Types that need review</source>
            <translation>待复核类型</translation>
        </message>
        <message>
            <source>Types that need review: {0}.</source>
            <translation>待复核类型的计入规则：{0}。</translation>
        </message>
        <message>
            <source>UN-Habitat's SDG indicator 11.7.1 (a): share of the built-up area of the city that is open space for public use, as streets and open public spaces. Benchmarks: 15 % open public space, 30 % streets, 45 % in total (UN-Habitat, for densities of 150 inhabitants per hectare or more).</source>
            <translation>联合国人居署可持续发展目标指标 11.7.1 (a)：城市建成区中作为街道和开放公共空间供公众使用的开放空间所占比例。基准值：开放公共空间 15 %，街道 30 %，合计 45 %（联合国人居署，适用于每公顷 150 人及以上的密度）。</translation>
        </message>
        <message>
            <source>UN-Habitat's SDG indicator 11.7.1 (b): share of the urban population who can reach an open public space within 400 m walking distance along the street network. A space is entered wherever a street passes inside it or within the entry tolerance of its edge: at street vertices, at the nearest point of each street segment and every {0} m along a street beside it. People join the network at the nearest point of the nearest street; one shortest-path pass from all entrances gives every distance.</source>
            <translation>联合国人居署可持续发展目标指标 11.7.1 (b)：沿街道网络步行距离 400 米以内可到达开放公共空间的城市人口比例。只要街道穿过公共空间或经过其边界的入口容差以内，就可以从该处进入：包括街道顶点、每个路段的最近点，以及沿空间旁街道每 {0} 米处。居民从最近街道的最近点进入网络；从所有入口出发的一次最短路径计算得到所有距离。</translation>
        </message>
        <message>
            <source>Unknown dimension "{0}" in the weights; the dimensions are {1}.</source>
            <translation>权重中的维度“{0}”未知；维度为 {1}。</translation>
        </message>
        <message>
            <source>Unknown distance decay "{0}"; use one of {1}.</source>
            <translation>未知的距离衰减函数“{0}”；请使用 {1} 之一。</translation>
        </message>
        <message>
            <source>Unknown level of measurement: {0}</source>
            <translation>未知的测量尺度：{0}</translation>
        </message>
        <message>
            <source>Unknown vector reader {0}: choose auto, pyogrio or ogr.</source>
            <translation>未知的矢量读取方式 {0}：请选择 auto、pyogrio 或 ogr。</translation>
        </message>
        <message>
            <source>Unserved areas</source>
            <translation>未服务区域</translation>
        </message>
        <message>
            <source>Unserved clusters</source>
            <translation>未服务人口集聚区</translation>
        </message>
        <message>
            <source>Unserved clusters (optional)</source>
            <translation>未服务人口集聚区（可选）</translation>
        </message>
        <message>
            <source>Unserved population by district</source>
            <translation>各区未被服务人口</translation>
        </message>
        <message>
            <source>Unserved population by district and group</source>
            <translation>按区和人群统计的未服务人口</translation>
        </message>
        <message>
            <source>Unserved population points</source>
            <translation>未被服务人口点</translation>
        </message>
        <message>
            <source>Upgrade priorities (optional)</source>
            <translation>升级优先级（可选）</translation>
        </message>
        <message>
            <source>Upgrade priority</source>
            <translation>升级优先级</translation>
        </message>
        <message>
            <source>Upgrade priority of the public spaces</source>
            <translation>公共空间升级优先级</translation>
        </message>
        <message>
            <source>Upgrade priority: half the quality gap, half the people who depend on the space.</source>
            <translation>升级优先级：一半取决于质量差距，一半取决于依赖该空间的人口。</translation>
        </message>
        <message>
            <source>Upgrade ranking</source>
            <translation>升级排名</translation>
        </message>
        <message>
            <source>Upgrade ranking (table)</source>
            <translation>升级排名（表格）</translation>
        </message>
        <message>
            <source>Urban above (% built-up in the circle)</source>
            <translation>城市：高于（圆内建成区 %）</translation>
        </message>
        <message>
            <source>Urban area</source>
            <translation>城市用地面积</translation>
        </message>
        <message>
            <source>Urban built-up</source>
            <translation>城市建成区</translation>
        </message>
        <message>
            <source>Urban extent</source>
            <translation>城市范围</translation>
        </message>
        <message>
            <source>Urban extent (optional)</source>
            <translation>城市范围（可选）</translation>
        </message>
        <message>
            <source>Urban extent (polygons)</source>
            <translation>城市范围（面）</translation>
        </message>
        <message>
            <source>Urban extent area (km²)</source>
            <translation>城市范围面积（平方公里）</translation>
        </message>
        <message>
            <source>Urban extent classes</source>
            <translation>城市范围类别</translation>
        </message>
        <message>
            <source>Urban extent from built-up data</source>
            <translation>由建成区数据生成城市范围</translation>
        </message>
        <message>
            <source>Urban extent {0}</source>
            <translation>城市范围 {0}</translation>
        </message>
        <message>
            <source>Urban extents</source>
            <translation>城市范围</translation>
        </message>
        <message>
            <source>Urban extents at the earlier date</source>
            <translation>较早日期的城市范围</translation>
        </message>
        <message>
            <source>Use a new folder</source>
            <translation>使用新文件夹</translation>
        </message>
        <message>
            <source>Use the indicator's mean</source>
            <translation>使用该指标的平均值</translation>
        </message>
        <message>
            <source>Use the other indicators (rescale weights)</source>
            <translation>使用其他指标（重新缩放权重）</translation>
        </message>
        <message>
            <source>Using the Dask cluster at {0} with {1} workers.</source>
            <translation>使用位于 {0} 的 Dask 集群，共 {1} 个工作进程。</translation>
        </message>
        <message>
            <source>Vacant land, public parcels, school yards that could open as public space.</source>
            <translation>可开放为公共空间的空置用地、公有地块、学校操场。</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>取值</translation>
        </message>
        <message>
            <source>Vertex snapping tolerance (m)</source>
            <translation>节点捕捉容差（米）</translation>
        </message>
        <message>
            <source>Very high</source>
            <translation>很高</translation>
        </message>
        <message>
            <source>Very low</source>
            <translation>很低</translation>
        </message>
        <message>
            <source>Walkable streets kept</source>
            <translation>保留的可步行街道数</translation>
        </message>
        <message>
            <source>Walking distance (m)</source>
            <translation>步行距离（米）</translation>
        </message>
        <message>
            <source>Walking distance 400 m along the street network (SDG 11.7.1 metadata).</source>
            <translation>沿街道网络步行距离 400 米（可持续发展目标 11.7.1 元数据）。</translation>
        </message>
        <message>
            <source>Walking distance to public space</source>
            <translation>到公共空间的步行距离</translation>
        </message>
        <message>
            <source>Walking distance to the nearest public space</source>
            <translation>到最近公共空间的步行距离</translation>
        </message>
        <message>
            <source>Walking distance: {0} m along the street network. Public spaces to upgrade: the first {1} of the upgrade priority list.</source>
            <translation>步行距离：沿街道网络 {0} 米。需升级的公共空间：升级优先级列表的前 {1} 处。</translation>
        </message>
        <message>
            <source>Walking distances are those of SDG 11.7.1 (b) walking access, run on the same inputs: the unserved population of every district and group is its population less the population served. A person's walking distance to the nearest space is measured up to {0} m; farther counts as no space within reach. The unserved people are put on a grid of {1} m cells; cells that touch, corners included, form a cluster, whose district is the one holding most of its people.</source>
            <translation>步行距离与在相同输入上运行的可持续发展目标 11.7.1 (b) 步行可达性相同：每个区和群体的未被服务人口等于其人口减去被服务人口。每个人到最近空间的步行距离最远测量到 {0} 米；更远视为可达范围内没有空间。未被服务人口被放到 {1} 米单元的网格上；相接（含角点相接）的单元构成一个集聚区，其所属区为容纳其大多数人口的区。</translation>
        </message>
        <message>
            <source>Walking distances, entrances and the urban extent are those of SDG 11.7.1 (b) walking access: building the chosen sites gives the share above. Each candidate is entered where a street passes within the entry tolerance; the people it would newly serve are those not served today whose walk to it is within the walking distance. The sites are chosen greedily by the people each adds (per unit of cost with a budget, compared with the best single site), and the exact maximal covering problem is solved with HiGHS when it is small enough; the better is kept. The optimality gap compares the result with a proven bound on the best possible.</source>
            <translation>步行距离、入口和城市范围与可持续发展目标 11.7.1 (b) 步行可达性相同：建成所选地块后即得到上述比例。街道经过入口容差范围内的位置即为候选地块的入口；其新增服务人口是目前未被服务、且步行到该地块在步行距离以内的人。地块按每个地块新增的人口贪心选择（有预算时按单位成本计算，并与最佳单个地块比较），规模足够小时用 HiGHS 精确求解最大覆盖问题；保留较优的解。最优性差距将结果与已证明的最优值上界进行比较。</translation>
        </message>
        <message>
            <source>Walking service area</source>
            <translation>步行服务范围</translation>
        </message>
        <message>
            <source>Weakest dimension</source>
            <translation>最弱维度</translation>
        </message>
        <message>
            <source>Weakest dimensions across the city</source>
            <translation>全市最弱的维度</translation>
        </message>
        <message>
            <source>Weakest quality dimension</source>
            <translation>最薄弱的质量维度</translation>
        </message>
        <message>
            <source>Weight</source>
            <translation>权重</translation>
        </message>
        <message>
            <source>Weight factor</source>
            <translation>权重系数</translation>
        </message>
        <message>
            <source>Weight of centrality in the combined hierarchy</source>
            <translation>综合等级体系中中心性的权重</translation>
        </message>
        <message>
            <source>Weight of need (low quality)</source>
            <translation>需求权重（质量低）</translation>
        </message>
        <message>
            <source>Weight of need against potential</source>
            <translation>需求相对于潜力的权重</translation>
        </message>
        <message>
            <source>Weight of people (dependants)</source>
            <translation>人口权重（依赖人口）</translation>
        </message>
        <message>
            <source>Weight of the need part of the priority: 100 minus the quality index.</source>
            <translation>优先级中需求部分的权重：100 减去质量指数。</translation>
        </message>
        <message>
            <source>Weight of the people part of the priority: the dependants of a space relative to the surveyed space most people depend on. The two weights are scaled to add up to 1.</source>
            <translation>优先级中人口部分的权重：一个空间的依赖人口相对于依赖人口最多的已调查空间的比例。两个权重按比例缩放，使其之和为 1。</translation>
        </message>
        <message>
            <source>Weighted by population.</source>
            <translation>按人口加权。</translation>
        </message>
        <message>
            <source>Weights</source>
            <translation>权重</translation>
        </message>
        <message>
            <source>Weights cannot be negative, nor all zero; got "{0}".</source>
            <translation>权重不能为负，也不能全为零；实际为“{0}”。</translation>
        </message>
        <message>
            <source>Weights must be numbers separated by commas; got "{0}".</source>
            <translation>权重必须是以逗号分隔的数字；实际输入为“{0}”。</translation>
        </message>
        <message>
            <source>Weights of the dimensions in the quality index as dimension=weight pairs, e.g. safety=2, comfort=1.5. Dimensions not named weigh 1; a weight of 0 leaves a dimension out of the index (its score is still reported).</source>
            <translation>质量指数中各维度的权重，格式为 维度=权重，例如 safety=2, comfort=1.5。未列出的维度权重为 1；权重为 0 的维度不计入指数（其得分仍会报告）。</translation>
        </message>
        <message>
            <source>Weights of: low development, travel time, unserved, centrality, accessibility, corridor. Components without data are left out.</source>
            <translation>以下分项的权重：发展水平低、出行时间、服务不足、中心性、可达性、发展走廊。没有数据的分项会被省略。</translation>
        </message>
        <message>
            <source>What a settlement without a value for an indicator gets. The number of missing values is reported.</source>
            <translation>某个指标没有数值的居民点如何处理。缺失值的数量会被报告。</translation>
        </message>
        <message>
            <source>What makes the highest priorities</source>
            <translation>最高优先级的构成</translation>
        </message>
        <message>
            <source>What makes up each priority score</source>
            <translation>各优先级分数的构成</translation>
        </message>
        <message>
            <source>What spreads the scores</source>
            <translation>得分差异的来源</translation>
        </message>
        <message>
            <source>What the project adds: roads drawn in a line layer, facilities in a point layer.</source>
            <translation>该工程新增的内容：在线图层中绘制的道路，在点图层中的设施。</translation>
        </message>
        <message>
            <source>What the values mean: a share 0–1 or a percentage of the cell that is built-up, 0 or 1 (any value above 0 is built-up), GHSL's built-up surface in m² per cell (divided by the cell area), or ESA WorldCover classes (class 50 is built-up, class 0 is no data).</source>
            <translation>数值的含义：像元中建成区所占的 0–1 比例或百分比；0 或 1（任何大于 0 的值均为建成区）；GHSL 的每像元建成区面积（平方米，除以像元面积）；或 ESA WorldCover 类别（类别 50 为建成区，类别 0 为无数据）。</translation>
        </message>
        <message>
            <source>What-if scenario (baseline and scenario side by side)</source>
            <translation>假设情景（基线与情景并列对照）</translation>
        </message>
        <message>
            <source>What-if scenario for the region</source>
            <translation>区域假设情景</translation>
        </message>
        <message>
            <source>What-if scenario for the region (guided)…</source>
            <translation>区域假设情景（向导）…</translation>
        </message>
        <message>
            <source>What-if scenario: baseline and scenario side by side</source>
            <translation>假设情景：基线与情景并列对照</translation>
        </message>
        <message>
            <source>Where new public space helps most</source>
            <translation>新增公共空间在哪里作用最大</translation>
        </message>
        <message>
            <source>Where people live, to measure walking access, and the districts to compare.</source>
            <translation>人们居住的位置（用于测量步行可达性）以及要比较的区。</translation>
        </message>
        <message>
            <source>Where the city is, how people walk and where they live.</source>
            <translation>城市范围、步行所经的街道以及人口分布。</translation>
        </message>
        <message>
            <source>Where the results are kept as each city finishes; run again with the same folder to resume a stopped run.</source>
            <translation>每个城市完成后结果保存的位置；使用同一文件夹再次运行即可继续已停止的运行。</translation>
        </message>
        <message>
            <source>Where to add and upgrade public space</source>
            <translation>在哪里新增和升级公共空间</translation>
        </message>
        <message>
            <source>Where to add and upgrade public space (guided)…</source>
            <translation>在哪里新增和升级公共空间（向导）…</translation>
        </message>
        <message>
            <source>Where to add public space</source>
            <translation>在哪里新增公共空间</translation>
        </message>
        <message>
            <source>Where to add public space (siting)</source>
            <translation>在哪里新增公共空间（选址）</translation>
        </message>
        <message>
            <source>Where: clusters of unserved people</source>
            <translation>位置：未服务人口集聚区</translation>
        </message>
        <message>
            <source>Whether the scenario's facilities come in addition to the baseline's or replace them.</source>
            <translation>情景设施是添加到基线设施中，还是替换基线设施。</translation>
        </message>
        <message>
            <source>Which spaces to upgrade</source>
            <translation>哪些空间应升级</translation>
        </message>
        <message>
            <source>Who fills this scorecard; may be filled in later.</source>
            <translation>填写此评分表的人员；可以稍后填写。</translation>
        </message>
        <message>
            <source>Who is not served, where</source>
            <translation>哪些人未被服务、位于何处</translation>
        </message>
        <message>
            <source>Who is not served: gaps in walking access to public space</source>
            <translation>哪些人未被服务：步行到达公共空间的缺口</translation>
        </message>
        <message>
            <source>Whole city</source>
            <translation>全市</translation>
        </message>
        <message>
            <source>Whole city: open public space {0} % and streets {1} % of the urban area, {2} m² of open public space per person, {3} % of the people within {4} m walking distance.</source>
            <translation>全市：开放公共空间占城市用地 {0}%，街道占 {1}%，人均开放公共空间 {2} 平方米，{3}% 的人口在 {4} 米步行距离内。</translation>
        </message>
        <message>
            <source>Width (m)</source>
            <translation>宽度（米）</translation>
        </message>
        <message>
            <source>Width by road class (m)</source>
            <translation>按道路等级的宽度（米）</translation>
        </message>
        <message>
            <source>Width from</source>
            <translation>宽度来源</translation>
        </message>
        <message>
            <source>Width of streets with neither a measured width nor a known class.</source>
            <translation>既无实测宽度也无已知等级的街道所用的宽度。</translation>
        </message>
        <message>
            <source>Width of streets with neither a readable width nor a class in the table.</source>
            <translation>既无可识别宽度、其等级又不在表中的街道所用的宽度。</translation>
        </message>
        <message>
            <source>Width values not readable</source>
            <translation>无法识别的宽度值数</translation>
        </message>
        <message>
            <source>Width values rejected (outside 1.5–80 m)</source>
            <translation>被拒绝的宽度值数（超出 1.5–80 米）</translation>
        </message>
        <message>
            <source>Widths from the road class table</source>
            <translation>取自道路等级表的宽度数</translation>
        </message>
        <message>
            <source>Widths from the width tag</source>
            <translation>取自宽度标签的宽度数</translation>
        </message>
        <message>
            <source>Widths measured</source>
            <translation>实测宽度数</translation>
        </message>
        <message>
            <source>With an earlier built-up raster: the earlier extent of each city, with the city's id and name.</source>
            <translation>提供较早建成区栅格时：每个城市较早时的范围，附城市编号和名称。</translation>
        </message>
        <message>
            <source>With an earlier date: per city the urban extent and population at both dates, the land consumption rate, the population growth rate (both per year) and their ratio.</source>
            <translation>提供较早日期时：每个城市在两个日期的城市范围和人口、土地消耗率、人口增长率（均为每年）及二者之比。</translation>
        </message>
        <message>
            <source>With the thresholds method: increasing centrality values separating the levels, comma-separated (one fewer than the number of levels).</source>
            <translation>使用阈值法时：划分等级的递增中心性数值，以逗号分隔（比等级数量少一个）。</translation>
        </message>
        <message>
            <source>With the {0} new public spaces</source>
            <translation>新增 {0} 处公共空间后</translation>
        </message>
        <message>
            <source>Within groups</source>
            <translation>组内</translation>
        </message>
        <message>
            <source>Without a table of expected functions: a function is expected at a level when at least this share of its settlements have it (0.5: half of them).</source>
            <translation>未给定应有功能表时：某一等级中至少有此比例的居民点具有的功能即为该等级的应有功能（0.5：一半）。</translation>
        </message>
        <message>
            <source>Women</source>
            <translation>妇女</translation>
        </message>
        <message>
            <source>Workers on this computer (0: one per core)</source>
            <translation>本机工作进程数（0：每个核心一个）</translation>
        </message>
        <message>
            <source>WorldCover</source>
            <translation>WorldCover</translation>
        </message>
        <message>
            <source>Writes an Excel scorecard for one assessor of one plan: the plan details at the top, then one row per criterion of the assessment framework with its theme, the question in English and Chinese and what each score means. The score column offers 0, 1, 2, 3 or NA (not applicable) in a drop-down; add a comment and the evidence (page or section of the plan). Each assessor fills their own copy; the plan assessment tool reads the filled files.</source>
            <translation>为一位评估者生成一份针对某一规划的 Excel 评分表：顶部是规划信息，下面每行是评估框架中的一项标准，包括其主题、中英文问题以及各分数的含义。分数列提供 0、1、2、3 或 NA（不适用）的下拉选项；请填写意见和依据（规划的页码或章节）。每位评估者填写各自的副本；规划评估工具读取填写完成的文件。</translation>
        </message>
        <message>
            <source>Writes the field survey of public space quality as an XLSForm (.xlsx) to upload to KoboToolbox (or ODK): identification of the space, accessibility, use and users counted by sex, age and disability, comfort, safety, green cover, physical facilities and maintenance, with English and Chinese labels, choice lists, range checks and skip logic. With an inventory layer, surveyors pick the space from a list of its ids and names (or 'not in the list'); the GPS point links the other submissions. The hidden field form_version lets the scoring check that the export matches the questionnaire.</source>
            <translation>将公共空间质量实地调查写成 XLSForm（.xlsx），用于上传到 Kobo 工具箱（或 ODK）：空间识别、可达性、按性别、年龄和残疾统计的使用与使用者、舒适度、安全性、绿化覆盖率、物理设施和维护，带中英文标签、选项列表、范围检查和跳转逻辑。提供盘点图层时，调查员从其编号和名称列表中选择空间（或“不在列表中”）；其他提交记录由 GPS 点关联。隐藏字段 form_version 使评分能够检查导出文件是否与问卷一致。</translation>
        </message>
        <message>
            <source>XLSForm</source>
            <translation>XLSForm 表单</translation>
        </message>
        <message>
            <source>Year of the built-up raster</source>
            <translation>建成区栅格的年份</translation>
        </message>
        <message>
            <source>Year of the earlier raster</source>
            <translation>较早栅格的年份</translation>
        </message>
        <message>
            <source>Year of the plan</source>
            <translation>规划年份</translation>
        </message>
        <message>
            <source>Year of this scorecard</source>
            <translation>本期评分表的年份</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>Young people</source>
            <translation>青年</translation>
        </message>
        <message>
            <source>Z-scores</source>
            <translation>z 分数</translation>
        </message>
        <message>
            <source>a cemetery is a place of burial, not open space for recreation</source>
            <translation>墓地是安葬之所，而非供休闲的开放空间</translation>
        </message>
        <message>
            <source>a cluster of 5 km cells says nothing about where people live</source>
            <translation>5 公里的集聚区单元无法说明人们住在哪里</translation>
        </message>
        <message>
            <source>a list</source>
            <translation>列表</translation>
        </message>
        <message>
            <source>a list [ … ]</source>
            <translation>列表 [ … ]</translation>
        </message>
        <message>
            <source>a number</source>
            <translation>数字</translation>
        </message>
        <message>
            <source>a population cell is not larger than 100 km</source>
            <translation>人口像元不会大于 100 公里</translation>
        </message>
        <message>
            <source>a question is listed twice</source>
            <translation>有问题列出了两次</translation>
        </message>
        <message>
            <source>a question of type "{0}" cannot be scored</source>
            <translation>类型为“{0}”的问题不能计分</translation>
        </message>
        <message>
            <source>a scored number needs "scoring": {{"method": "linear", "zero_at": a, "one_at": b}} with a different from b</source>
            <translation>计分的数值问题需要 "scoring": {{"method": "linear", "zero_at": a, "one_at": b}}，且 a 与 b 不同</translation>
        </message>
        <message>
            <source>a street farther than 200 m from a space gives no entrance to it</source>
            <translation>距离空间超过 200 米的街道不构成其入口</translation>
        </message>
        <message>
            <source>acceptable from {0}</source>
            <translation>{0} 起可接受</translation>
        </message>
        <message>
            <source>access is restricted (private or no)</source>
            <translation>通行受限（私人或禁止）</translation>
        </message>
        <message>
            <source>accessibility</source>
            <translation>可达性</translation>
        </message>
        <message>
            <source>allotment plots are rented to gardeners and usually locked</source>
            <translation>租赁菜园的地块出租给园艺者，通常上锁</translation>
        </message>
        <message>
            <source>an empty text</source>
            <translation>空文本</translation>
        </message>
        <message>
            <source>an object</source>
            <translation>对象</translation>
        </message>
        <message>
            <source>an object {…}</source>
            <translation>对象 {…}</translation>
        </message>
        <message>
            <source>at least {0} (results framework)</source>
            <translation>至少 {0} 项（成果框架）</translation>
        </message>
        <message>
            <source>band {0}</source>
            <translation>波段 {0}</translation>
        </message>
        <message>
            <source>baseline</source>
            <translation>基线</translation>
        </message>
        <message>
            <source>batch</source>
            <translation>批处理</translation>
        </message>
        <message>
            <source>benchmark {0} %</source>
            <translation>基准值 {0} %</translation>
        </message>
        <message>
            <source>between groups (%)</source>
            <translation>组间占比（%）</translation>
        </message>
        <message>
            <source>beyond 20 km it is no walk</source>
            <translation>超过 20 公里已不是步行</translation>
        </message>
        <message>
            <source>beyond the service time of a centre</source>
            <translation>超出中心的服务时间</translation>
        </message>
        <message>
            <source>built-up</source>
            <translation>建成区</translation>
        </message>
        <message>
            <source>built-up area</source>
            <translation>建成区</translation>
        </message>
        <message>
            <source>candidate sites</source>
            <translation>候选地块</translation>
        </message>
        <message>
            <source>centrality</source>
            <translation>中心性</translation>
        </message>
        <message>
            <source>choice list "{0}", choice {1}: a score must be a number from 0 to 1 (or absent), not {2}</source>
            <translation>选项列表“{0}”，第 {1} 个选项：分值必须是 0 到 1 之间的数字（或不设），而不是{2}</translation>
        </message>
        <message>
            <source>clusters</source>
            <translation>集聚区</translation>
        </message>
        <message>
            <source>composite indicator</source>
            <translation>综合指标</translation>
        </message>
        <message>
            <source>default street width</source>
            <translation>默认街道宽度</translation>
        </message>
        <message>
            <source>default width</source>
            <translation>默认宽度</translation>
        </message>
        <message>
            <source>development index</source>
            <translation>发展指数</translation>
        </message>
        <message>
            <source>dimension "{0}" has no scored question</source>
            <translation>维度“{0}”没有计分问题</translation>
        </message>
        <message>
            <source>district</source>
            <translation>区</translation>
        </message>
        <message>
            <source>districts</source>
            <translation>区</translation>
        </message>
        <message>
            <source>empty file</source>
            <translation>空文件</translation>
        </message>
        <message>
            <source>entry is not free</source>
            <translation>需付费进入</translation>
        </message>
        <message>
            <source>entry tolerance</source>
            <translation>入口容差</translation>
        </message>
        <message>
            <source>exact solution (HiGHS)</source>
            <translation>精确解（HiGHS）</translation>
        </message>
        <message>
            <source>facilities</source>
            <translation>设施</translation>
        </message>
        <message>
            <source>failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <source>first in row {0}</source>
            <translation>首次出现于第 {0} 行</translation>
        </message>
        <message>
            <source>forest, wood and scrub may be fenced, private or impassable</source>
            <translation>森林、林地和灌木丛可能设有围栏、属私有或无法通行</translation>
        </message>
        <message>
            <source>framework</source>
            <translation>评估框架</translation>
        </message>
        <message>
            <source>functions</source>
            <translation>功能</translation>
        </message>
        <message>
            <source>gaps</source>
            <translation>缺口</translation>
        </message>
        <message>
            <source>global baseline about {0} % of the urban population (regions {1}–{2} %)</source>
            <translation>全球基线约为城市人口的 {0}%（各区域 {1}–{2}%）</translation>
        </message>
        <message>
            <source>global baseline {0} %</source>
            <translation>全球基线 {0} %</translation>
        </message>
        <message>
            <source>globally about 35 % of the urban population lives within 400 m walking distance of an open public space, from 22 % to 67 % by region (UN-Habitat's SDG 11.7.1 seed data); the SDG Report 2019 gave 21 % for 220 cities in 2018. Samples of cities differ: compare with care.</source>
            <translation>全球约 35% 的城市人口居住在开放公共空间步行距离 400 米以内，各区域从 22% 到 67% 不等（联合国人居署可持续发展目标 11.7.1 基线数据）；《2019 年可持续发展目标报告》给出的 2018 年 220 个城市的数值为 21%。各项统计所用的城市样本不同，比较时请谨慎。</translation>
        </message>
        <message>
            <source>good from {0}; doubtful below {1}</source>
            <translation>{0} 及以上为良好；低于 {1} 不可靠</translation>
        </message>
        <message>
            <source>greedy choice</source>
            <translation>贪心选择</translation>
        </message>
        <message>
            <source>invalid urban extent</source>
            <translation>城市范围无效</translation>
        </message>
        <message>
            <source>inventory</source>
            <translation>盘点</translation>
        </message>
        <message>
            <source>investment priority</source>
            <translation>投资优先级</translation>
        </message>
        <message>
            <source>it is nested too deeply</source>
            <translation>嵌套层级过深</translation>
        </message>
        <message>
            <source>km</source>
            <translation>公里</translation>
        </message>
        <message>
            <source>land share</source>
            <translation>用地比例</translation>
        </message>
        <message>
            <source>land to leave out</source>
            <translation>不计入的用地</translation>
        </message>
        <message>
            <source>largest population cell</source>
            <translation>最大人口网格单元</translation>
        </message>
        <message>
            <source>line</source>
            <translation>行</translation>
        </message>
        <message>
            <source>long travel time to a centre</source>
            <translation>到中心的出行时间长</translation>
        </message>
        <message>
            <source>low development index</source>
            <translation>发展指数低</translation>
        </message>
        <message>
            <source>maximal covering</source>
            <translation>最大覆盖</translation>
        </message>
        <message>
            <source>measured</source>
            <translation>实测</translation>
        </message>
        <message>
            <source>measured (ok)</source>
            <translation>已测算</translation>
        </message>
        <message>
            <source>metres</source>
            <translation>米</translation>
        </message>
        <message>
            <source>min</source>
            <translation>分钟</translation>
        </message>
        <message>
            <source>monitoring</source>
            <translation>监测</translation>
        </message>
        <message>
            <source>more than 30 min</source>
            <translation>30 分钟以上</translation>
        </message>
        <message>
            <source>more than {0} m</source>
            <translation>超过 {0} 米</translation>
        </message>
        <message>
            <source>more than {0} m or not reached</source>
            <translation>超过 {0} 米或无法到达</translation>
        </message>
        <message>
            <source>must be "evenness", not {0}</source>
            <translation>必须为 "evenness"，而不是{0}</translation>
        </message>
        <message>
            <source>must be a choice of the select_multiple question's list, not "{0}"</source>
            <translation>必须是该 select_multiple 问题选项列表中的选项，而不是“{0}”</translation>
        </message>
        <message>
            <source>must be a list […], not {0}</source>
            <translation>必须是列表 […]，而不是{0}</translation>
        </message>
        <message>
            <source>must be a non-empty text, not {0}</source>
            <translation>必须是非空文本，而不是{0}</translation>
        </message>
        <message>
            <source>must be a text, not {0}</source>
            <translation>必须是文本，而不是{0}</translation>
        </message>
        <message>
            <source>must be an object of texts by language, e.g. {{"en": "…", "zh": "…"}}, not {0}</source>
            <translation>必须是按语言给出文本的对象，例如 {{"en": "…", "zh": "…"}}，而不是{0}</translation>
        </message>
        <message>
            <source>must be an object {{…}}, not {0}</source>
            <translation>必须是对象 {{…}}，而不是{0}</translation>
        </message>
        <message>
            <source>must be true or false, not {0}</source>
            <translation>必须为 true 或 false，而不是{0}</translation>
        </message>
        <message>
            <source>must list at least {0} items</source>
            <translation>至少需要列出 {0} 项</translation>
        </message>
        <message>
            <source>named places</source>
            <translation>地名</translation>
        </message>
        <message>
            <source>national</source>
            <translation>全国</translation>
        </message>
        <message>
            <source>national share {0} %</source>
            <translation>全国比例 {0} %</translation>
        </message>
        <message>
            <source>need</source>
            <translation>需求</translation>
        </message>
        <message>
            <source>new or upgraded roads</source>
            <translation>新建或升级道路</translation>
        </message>
        <message>
            <source>new road</source>
            <translation>新建道路</translation>
        </message>
        <message>
            <source>newly joined to the roads</source>
            <translation>新接入道路</translation>
        </message>
        <message>
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <source>no centre</source>
            <translation>无中心</translation>
        </message>
        <message>
            <source>no choice of "{0}" has a score</source>
            <translation>“{0}”的选项都没有分值</translation>
        </message>
        <message>
            <source>no choice of "{0}" has a score above 0</source>
            <translation>“{0}”的选项都没有大于 0 的分值</translation>
        </message>
        <message>
            <source>no gain</source>
            <translation>未缩短</translation>
        </message>
        <message>
            <source>no open public space</source>
            <translation>没有开放公共空间</translation>
        </message>
        <message>
            <source>no people</source>
            <translation>无人口</translation>
        </message>
        <message>
            <source>no population</source>
            <translation>无人口</translation>
        </message>
        <message>
            <source>no population at one of the dates, so the population growth rate is undefined</source>
            <translation>其中一个日期没有人口，因此人口增长率无法确定</translation>
        </message>
        <message>
            <source>no public space within {0} m</source>
            <translation>{0} 米内没有公共空间</translation>
        </message>
        <message>
            <source>no road</source>
            <translation>无道路</translation>
        </message>
        <message>
            <source>no streets</source>
            <translation>无街道</translation>
        </message>
        <message>
            <source>no urban extent at one of the dates, so the land consumption rate is undefined</source>
            <translation>其中一个日期没有城市范围，因此土地消耗率无法确定</translation>
        </message>
        <message>
            <source>no usable polygon geometry</source>
            <translation>没有可用的面几何</translation>
        </message>
        <message>
            <source>no year</source>
            <translation>无年份</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>not applicable</source>
            <translation>不适用</translation>
        </message>
        <message>
            <source>not asked</source>
            <translation>未要求</translation>
        </message>
        <message>
            <source>not measured or no people</source>
            <translation>未测算或无人口</translation>
        </message>
        <message>
            <source>not scored</source>
            <translation>未评分</translation>
        </message>
        <message>
            <source>nothing (null or missing)</source>
            <translation>空值（null 或缺失）</translation>
        </message>
        <message>
            <source>null</source>
            <translation>null（空值）</translation>
        </message>
        <message>
            <source>of 100</source>
            <translation>（满分 100）</translation>
        </message>
        <message>
            <source>of {0}</source>
            <translation>满分 {0}</translation>
        </message>
        <message>
            <source>of {0} people</source>
            <translation>共 {0} 人</translation>
        </message>
        <message>
            <source>of {0} spaces</source>
            <translation>（共 {0} 个空间）</translation>
        </message>
        <message>
            <source>of {0} submissions</source>
            <translation>（共 {0} 条提交记录）</translation>
        </message>
        <message>
            <source>on a development corridor</source>
            <translation>位于发展走廊上</translation>
        </message>
        <message>
            <source>open land</source>
            <translation>开放用地</translation>
        </message>
        <message>
            <source>optimal</source>
            <translation>最优</translation>
        </message>
        <message>
            <source>people</source>
            <translation>人</translation>
        </message>
        <message>
            <source>plan assessment</source>
            <translation>规划评估</translation>
        </message>
        <message>
            <source>plan quality</source>
            <translation>规划质量</translation>
        </message>
        <message>
            <source>planned structure</source>
            <translation>规划结构</translation>
        </message>
        <message>
            <source>population</source>
            <translation>人口</translation>
        </message>
        <message>
            <source>potential</source>
            <translation>潜力</translation>
        </message>
        <message>
            <source>priority</source>
            <translation>优先级</translation>
        </message>
        <message>
            <source>public space</source>
            <translation>公共空间</translation>
        </message>
        <message>
            <source>public space quality</source>
            <translation>公共空间质量</translation>
        </message>
        <message>
            <source>public space strategy</source>
            <translation>公共空间战略</translation>
        </message>
        <message>
            <source>public spaces</source>
            <translation>公共空间</translation>
        </message>
        <message>
            <source>road class table</source>
            <translation>道路等级表</translation>
        </message>
        <message>
            <source>roads</source>
            <translation>道路</translation>
        </message>
        <message>
            <source>row</source>
            <translation>行</translation>
        </message>
        <message>
            <source>scalogram</source>
            <translation>功能等级表</translation>
        </message>
        <message>
            <source>scenario</source>
            <translation>情景</translation>
        </message>
        <message>
            <source>school grounds are usually open to pupils only</source>
            <translation>学校场地通常只对学生开放</translation>
        </message>
        <message>
            <source>scorecard</source>
            <translation>评分表</translation>
        </message>
        <message>
            <source>sensitivity</source>
            <translation>敏感性</translation>
        </message>
        <message>
            <source>service areas</source>
            <translation>服务区</translation>
        </message>
        <message>
            <source>settlement hierarchy</source>
            <translation>居民点等级</translation>
        </message>
        <message>
            <source>settlements</source>
            <translation>居民点</translation>
        </message>
        <message>
            <source>shown for comparison only; it overstates access</source>
            <translation>仅供比较；该方法会高估可达性</translation>
        </message>
        <message>
            <source>site selection</source>
            <translation>选址</translation>
        </message>
        <message>
            <source>sports grounds are often fenced, booked or charged for</source>
            <translation>运动场地常设围栏、需预约或收费</translation>
        </message>
        <message>
            <source>spread evenly over those of their {0} × {0} sub-cells inside the urban extent</source>
            <translation>平均分配到其 {0} × {0} 个子单元中位于城市范围内的子单元</translation>
        </message>
        <message>
            <source>spread evenly over {0} × {0} sub-cells</source>
            <translation>平均分配到 {0} × {0} 个子单元</translation>
        </message>
        <message>
            <source>spread over {0} × {0} sub-cells in proportion to building footprint area</source>
            <translation>按建筑占地面积比例分配到 {0} × {0} 个子单元</translation>
        </message>
        <message>
            <source>spread over {0} × {0} sub-cells in proportion to the built-up raster</source>
            <translation>按建成区栅格比例分配到 {0} × {0} 个子单元</translation>
        </message>
        <message>
            <source>stopped at the time limit</source>
            <translation>达到时间上限而停止</translation>
        </message>
        <message>
            <source>straight-line buffer (approximation)</source>
            <translation>直线缓冲区（近似方法）</translation>
        </message>
        <message>
            <source>street area</source>
            <translation>街道面积</translation>
        </message>
        <message>
            <source>street network</source>
            <translation>街道网络</translation>
        </message>
        <message>
            <source>street polygons</source>
            <translation>街道面</translation>
        </message>
        <message>
            <source>survey</source>
            <translation>调查</translation>
        </message>
        <message>
            <source>template</source>
            <translation>模板</translation>
        </message>
        <message>
            <source>territorial influence</source>
            <translation>地域影响</translation>
        </message>
        <message>
            <source>text</source>
            <translation>文本</translation>
        </message>
        <message>
            <source>the Atlas of Urban Expansion uses 564 m (a 1 km² circle); a wider circle measures a region, not the neighbourhood of a cell</source>
            <translation>《城市扩张地图集》采用 564 米（1 平方公里的圆）；更大的圆衡量的是一个区域，而不是像元的邻近范围</translation>
        </message>
        <message>
            <source>the Atlas uses 100 m; a wider fringe turns the open country around a city into city</source>
            <translation>地图集采用 100 米；更宽的边缘会把城市周围的开阔乡村算作城市</translation>
        </message>
        <message>
            <source>the choice "{0}" is listed twice</source>
            <translation>选项“{0}”列出了两次</translation>
        </message>
        <message>
            <source>the choice list "{0}" does not exist</source>
            <translation>选项列表“{0}”不存在</translation>
        </message>
        <message>
            <source>the choice list "{0}" has no usable choice</source>
            <translation>选项列表“{0}”没有可用的选项</translation>
        </message>
        <message>
            <source>the dimension "{0}" does not exist</source>
            <translation>维度“{0}”不存在</translation>
        </message>
        <message>
            <source>the dimension "{0}" is listed twice</source>
            <translation>维度“{0}”列出了两次</translation>
        </message>
        <message>
            <source>the group "{0}" is listed twice</source>
            <translation>分组“{0}”列出了两次</translation>
        </message>
        <message>
            <source>the name "{0}" is reserved for the form itself</source>
            <translation>名称“{0}”为表单自身保留</translation>
        </message>
        <message>
            <source>the name "{0}" is used twice (first at {1})</source>
            <translation>名称“{0}”使用了两次（第一次在 {1}）</translation>
        </message>
        <message>
            <source>the name {0} is used by {1} cities</source>
            <translation>名称“{0}”被 {1} 个城市使用</translation>
        </message>
        <message>
            <source>the number {0}</source>
            <translation>数字 {0}</translation>
        </message>
        <message>
            <source>the population did not change, so the ratio is undefined</source>
            <translation>人口没有变化，因此比率无法确定</translation>
        </message>
        <message>
            <source>the population fell: a negative ratio is not a sign of efficient land use</source>
            <translation>人口减少：负比率并不表示土地利用高效</translation>
        </message>
        <message>
            <source>the questionnaire may have at most one question of type "geopoint"</source>
            <translation>问卷最多只能有一个类型为 "geopoint" 的问题</translation>
        </message>
        <message>
            <source>the questionnaire must be a JSON object {{…}}, not {0}</source>
            <translation>问卷必须是 JSON 对象 {{…}}，而不是{0}</translation>
        </message>
        <message>
            <source>the questionnaire needs exactly one question of type "space_id" (found {0})</source>
            <translation>问卷需要且只能有一个类型为 "space_id" 的问题（找到 {0} 个）</translation>
        </message>
        <message>
            <source>the text "{0}"</source>
            <translation>文本“{0}”</translation>
        </message>
        <message>
            <source>the type "{0}" is not supported</source>
            <translation>不支持类型“{0}”</translation>
        </message>
        <message>
            <source>the worker computing it was lost ({0})</source>
            <translation>计算该城市的工作进程已丢失（{0}）</translation>
        </message>
        <message>
            <source>theme {0}</source>
            <translation>主题 {0}</translation>
        </message>
        <message>
            <source>theme {0}, criterion {1}</source>
            <translation>主题 {0}，标准 {1}</translation>
        </message>
        <message>
            <source>too large for the exact solver</source>
            <translation>规模过大，无法精确求解</translation>
        </message>
        <message>
            <source>travel time</source>
            <translation>出行时间</translation>
        </message>
        <message>
            <source>travel time to the nearest centre</source>
            <translation>到最近中心的出行时间</translation>
        </message>
        <message>
            <source>true or false</source>
            <translation>true 或 false（是/否）</translation>
        </message>
        <message>
            <source>true/false ({0})</source>
            <translation>true/false（{0}）</translation>
        </message>
        <message>
            <source>type is not one of the five counted types</source>
            <translation>类型不属于五种计入类型</translation>
        </message>
        <message>
            <source>type needs review and is not counted by the chosen rule</source>
            <translation>类型待复核，按所选规则不计入</translation>
        </message>
        <message>
            <source>type value not in the mapping</source>
            <translation>类型值不在对照表中</translation>
        </message>
        <message>
            <source>unserved</source>
            <translation>未被服务</translation>
        </message>
        <message>
            <source>unserved clusters</source>
            <translation>未服务人口集聚区</translation>
        </message>
        <message>
            <source>up to 5 min</source>
            <translation>5 分钟以内</translation>
        </message>
        <message>
            <source>upgrade</source>
            <translation>升级</translation>
        </message>
        <message>
            <source>upgrade priorities</source>
            <translation>升级优先级</translation>
        </message>
        <message>
            <source>urban extent</source>
            <translation>城市范围</translation>
        </message>
        <message>
            <source>vacant land</source>
            <translation>空置用地</translation>
        </message>
        <message>
            <source>vertices farther apart than 5 m are different junctions</source>
            <translation>相距超过 5 米的节点是不同的路口</translation>
        </message>
        <message>
            <source>walking distance</source>
            <translation>步行距离</translation>
        </message>
        <message>
            <source>walking distance along the street network</source>
            <translation>沿街道网络的步行距离</translation>
        </message>
        <message>
            <source>what-if</source>
            <translation>假设</translation>
        </message>
        <message>
            <source>within {0} min</source>
            <translation>{0} 分钟以内</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>{0} (aged {1}+)</source>
            <translation>{0}（{1} 岁及以上）</translation>
        </message>
        <message>
            <source>{0} (aged {1}–{2})</source>
            <translation>{0}（{1}–{2} 岁）</translation>
        </message>
        <message>
            <source>{0} (id {1})</source>
            <translation>{0}（编号 {1}）</translation>
        </message>
        <message>
            <source>{0} ({1}): {2} criteria read: {3} scored 0 to 3, {4} NA, {5} left blank; the framework has {6}.</source>
            <translation>{0}（{1}）：读取 {2} 项标准：{3} 项评分为 0 至 3，{4} 项为 NA，{5} 项留空；评估框架共有 {6} 项。</translation>
        </message>
        <message>
            <source>{0} ({1}/{2})</source>
            <translation>{0}（{1}/{2}）</translation>
        </message>
        <message>
            <source>{0} and {1}: the assessor {2} scored the same plan twice.</source>
            <translation>{0} 和 {1}：评估者 {2} 对同一规划评分了两次。</translation>
        </message>
        <message>
            <source>{0} candidate sites are smaller than the minimum size and were left out: {1}.</source>
            <translation>{0} 个候选地块小于最小面积，已被排除：{1}。</translation>
        </message>
        <message>
            <source>{0} candidate sites cannot be reached: no street passes within the entry tolerance of them. They were left out: {1}.</source>
            <translation>{0} 个候选地块无法到达：没有街道经过其入口容差范围内。已被排除：{1}。</translation>
        </message>
        <message>
            <source>{0} candidate sites, {1} ha in all; the largest is {2} m², the smallest {3} m².</source>
            <translation>共 {0} 个候选地块，合计 {1} 公顷；最大的 {2} 平方米，最小的 {3} 平方米。</translation>
        </message>
        <message>
            <source>{0} candidate spaces were skipped: their geometry is broken beyond repair (multipolygons or rings cut at the edge of the extract). OSM ids: {1}.</source>
            <translation>已跳过 {0} 个候选空间：其几何损坏且无法修复（在数据摘录边缘被截断的多面或环）。OSM 编号：{1}。</translation>
        </message>
        <message>
            <source>{0} candidate spaces, {1} counted, {2} duplicates merged.</source>
            <translation>候选空间 {0} 个，计入 {1} 个，合并重复要素 {2} 个。</translation>
        </message>
        <message>
            <source>{0} cannot be read as an Excel workbook: it is damaged or incomplete ({1}).</source>
            <translation>无法将 {0} 作为 Excel 工作簿读取：文件已损坏或不完整（{1}）。</translation>
        </message>
        <message>
            <source>{0} cells of the raster lie inside the urban extent; {1} of them are open land (at most {2} % built-up); {3} of those lie in existing spaces, street corridors or land left out.</source>
            <translation>栅格中有 {0} 个像元位于城市范围内；其中 {1} 个为开放用地（建成区比例不超过 {2}%）；这些像元中有 {3} 个位于现有公共空间、街道廊道或不计入的用地内。</translation>
        </message>
        <message>
            <source>{0} cities have no street in "{1}" and a street share of 0 %: {2}.</source>
            <translation>{0} 个城市在“{1}”中没有街道，街道比例为 0 %：{2}。</translation>
        </message>
        <message>
            <source>{0} cities measured, {1} not measured, {2} people counted in the measured cities.</source>
            <translation>已测算 {0} 个城市，{1} 个未测算；已测算城市共计 {2} 人。</translation>
        </message>
        <message>
            <source>{0} cities; results kept in {1}.</source>
            <translation>共 {0} 个城市；结果保存在 {1}。</translation>
        </message>
        <message>
            <source>{0} clusters of at least the minimum size hold {1} unserved people; {2} smaller clusters with {3} people are left out of the cluster layer. Cells of {4} m that touch, corners included, form one cluster.</source>
            <translation>{0} 个达到最小规模的集聚区容纳 {1} 名未被服务人口；{2} 个较小集聚区（{3} 人）未列入集聚区图层。相接（含角点相接）的 {4} 米单元构成一个集聚区。</translation>
        </message>
        <message>
            <source>{0} clusters of unserved people with at least {1} people; {2} smaller clusters with {3} people left out of the cluster layer.</source>
            <translation>{0} 个未服务人口集聚区至少有 {1} 人；{2} 个较小的集聚区（{3} 人）未列入集聚区图层。</translation>
        </message>
        <message>
            <source>{0} control characters (from text pasted into the framework) were left out of the scorecard: an Excel cell cannot hold them.</source>
            <translation>评分表中略去了 {0} 个控制字符（来自粘贴到评估框架中的文本）：Excel 单元格无法容纳这些字符。</translation>
        </message>
        <message>
            <source>{0} corridor features without a usable geometry (none, empty or broken) were left out.</source>
            <translation>有 {0} 个走廊要素没有可用的几何（缺失、为空或已损坏），已排除。</translation>
        </message>
        <message>
            <source>{0} districts are not in the previous scorecard; their change is left empty: {1}.</source>
            <translation>{0} 个区不在上一期评分表中；其变化留空：{1}。</translation>
        </message>
        <message>
            <source>{0} districts lie outside the urban extent and have no share: {1}.</source>
            <translation>{0} 个区位于城市范围之外，没有比例：{1}。</translation>
        </message>
        <message>
            <source>{0} districts of the previous scorecard are not in this run: {1}.</source>
            <translation>上一期评分表中有 {0} 个区不在本次运行中：{1}。</translation>
        </message>
        <message>
            <source>{0} facilities have no value in the field {1} and were left out.</source>
            <translation>{0} 个设施在字段 {1} 中没有值，已被排除。</translation>
        </message>
        <message>
            <source>{0} facilities lie in no settlement or sector and were left out.</source>
            <translation>有 {0} 个设施不在任何居民点或片区内，未计入。</translation>
        </message>
        <message>
            <source>{0} features without a usable geometry were skipped ({1}).</source>
            <translation>已跳过 {0} 个没有可用几何的要素（{1}）。</translation>
        </message>
        <message>
            <source>{0} features without a usable polygon were skipped ({1}).</source>
            <translation>已跳过 {0} 个没有可用面几何的要素（{1}）。</translation>
        </message>
        <message>
            <source>{0} has no text in any language</source>
            <translation>{0}在任何语言中都没有文本</translation>
        </message>
        <message>
            <source>{0} holds no layer QGIS can open.</source>
            <translation>{0} 中没有 QGIS 能打开的图层。</translation>
        </message>
        <message>
            <source>{0} invalid polygons were repaired ({1}).</source>
            <translation>已修复 {0} 个无效的面（{1}）。</translation>
        </message>
        <message>
            <source>{0} invalid urban extent polygons were repaired.</source>
            <translation>已修复 {0} 个无效的城市范围多边形。</translation>
        </message>
        <message>
            <source>{0} is a lock file that Excel leaves while a workbook is open, not a survey export: choose the export itself.</source>
            <translation>{0} 是 Excel 在工作簿打开时留下的锁定文件，不是调查导出文件：请选择导出文件本身。</translation>
        </message>
        <message>
            <source>{0} is an Excel workbook (or another zip file), not JSON.</source>
            <translation>{0} 是 Excel 工作簿（或其他 zip 文件），不是 JSON。</translation>
        </message>
        <message>
            <source>{0} is an Excel workbook, not CSV text: name it .xlsx.</source>
            <translation>{0} 是 Excel 工作簿，不是 CSV 文本：请将其命名为 .xlsx。</translation>
        </message>
        <message>
            <source>{0} is not a coordinate reference system that GDAL or PROJ knows.</source>
            <translation>{0} 不是 GDAL 或 PROJ 能识别的坐标参考系。</translation>
        </message>
        <message>
            <source>{0} is not an Excel workbook (.xlsx): it is damaged, encrypted, or a file of another kind named .xlsx.</source>
            <translation>{0} 不是 Excel 工作簿（.xlsx）：文件已损坏、已加密，或是被命名为 .xlsx 的其他类型文件。</translation>
        </message>
        <message>
            <source>{0} is not an assessment store: it has no layer {1}.</source>
            <translation>{0} 不是评估库：没有图层 {1}。</translation>
        </message>
        <message>
            <source>{0} is not an assessment store: the fields {1} are missing.</source>
            <translation>{0} 不是评估库：缺少字段 {1}。</translation>
        </message>
        <message>
            <source>{0} lines with a highway tag that is not a street class were left out: {1}.</source>
            <translation>有 {0} 条线的 highway 标签不属于街道类别，已排除：{1}。</translation>
        </message>
        <message>
            <source>{0} must be minutes separated by commas; got "{1}".</source>
            <translation>{0}必须是以逗号分隔的分钟数；实际输入为“{1}”。</translation>
        </message>
        <message>
            <source>{0} must be texts by language such as {{"en": "…", "zh": "…"}}, not {1}</source>
            <translation>{0}必须是按语言给出的文本，例如 {{"en": "…", "zh": "…"}}，而不是{1}</translation>
        </message>
        <message>
            <source>{0} named places have a negative population, which was left out: {1}</source>
            <translation>{0} 个地名的人口为负值，已不计入：{1}</translation>
        </message>
        <message>
            <source>{0} named places lie outside every urban extent: {1}</source>
            <translation>有 {0} 个地名位于所有城市范围之外：{1}</translation>
        </message>
        <message>
            <source>{0} named places without a usable geometry were skipped.</source>
            <translation>已跳过 {0} 个没有可用几何的地名。</translation>
        </message>
        <message>
            <source>{0} new public spaces were asked for, but only {1} candidate sites can be used: at most {1} are chosen.</source>
            <translation>要求新增 {0} 处公共空间，但只有 {1} 个候选地块可用：最多选择 {1} 个。</translation>
        </message>
        <message>
            <source>{0} new road parts have an end joined to no existing road (beyond {1} m of a vertex): check that they end where you meant (a road to a roadless village ends there).</source>
            <translation>{0} 段新建道路有端点未连接到任何现有道路（距顶点超过 {1} 米）：请检查它们是否止于您预期的位置（通往无道路村庄的道路即止于该处）。</translation>
        </message>
        <message>
            <source>{0} nodata cells of the population grid were left out.</source>
            <translation>人口栅格中有 {0} 个无数据像元未计入。</translation>
        </message>
        <message>
            <source>{0} of more than {1} minutes (a day) are implausible; got "{2}".</source>
            <translation>超过 {1} 分钟（一天）的{0}不合理；实际为“{2}”。</translation>
        </message>
        <message>
            <source>{0} of {1} cities have less than {2} % of their area in streets and open public space.</source>
            <translation>{1} 个城市中有 {0} 个的街道和开放公共空间用地不足其面积的 {2} %。</translation>
        </message>
        <message>
            <source>{0} of {1} cities measured; {2} % of {3} people within walking distance of an open public space.</source>
            <translation>{1} 个城市中已测算 {0} 个；{3} 人中有 {2}% 居住在开放公共空间步行距离以内。</translation>
        </message>
        <message>
            <source>{0} of {1} cities serve a smaller share of their population than the national share ({2} %).</source>
            <translation>{1} 个城市中有 {0} 个的可达人口比例低于全国比例（{2} %）。</translation>
        </message>
        <message>
            <source>{0} of {1} cities were finished by an earlier run and are kept.</source>
            <translation>{1} 个城市中有 {0} 个已由先前的运行完成，结果予以保留。</translation>
        </message>
        <message>
            <source>{0} of {1} cities, {2} people counted{3}</source>
            <translation>{1} 个城市中已完成 {0} 个，已计入 {2} 人{3}</translation>
        </message>
        <message>
            <source>{0} of {1} criteria scored</source>
            <translation>已评分 {0} / {1} 项标准</translation>
        </message>
        <message>
            <source>{0} of {1} districts hold no people of the population input and have no share: {2}. Check that the districts cover the city.</source>
            <translation>{1} 个区中有 {0} 个没有人口输入中的人口，因而没有比例：{2}。请检查各区是否覆盖该城市。</translation>
        </message>
        <message>
            <source>{0} of {1} people</source>
            <translation>{1} 人中的 {0} 人</translation>
        </message>
        <message>
            <source>{0} of {1} people ({2} %) live farther than {3} m walking distance from an open public space.</source>
            <translation>{1} 人中有 {0} 人（{2} %）居住在距开放公共空间步行距离超过 {3} 米的地方。</translation>
        </message>
        <message>
            <source>{0} of {1} people of the population input live inside the urban extent ({2} %); the others are left out.</source>
            <translation>人口输入的 {1} 人中有 {0} 人居住在城市范围内（{2}%）；其余人口不计入。</translation>
        </message>
        <message>
            <source>{0} of {1} spaces count as open public space, {2} ha in all.</source>
            <translation>{1} 个空间中有 {0} 个计为开放公共空间，共 {2} 公顷。</translation>
        </message>
        <message>
            <source>{0} of {1} spaces have a quality index; {2} people of {3} depend on a space within {4} m.</source>
            <translation>{1} 个空间中有 {0} 个有质量指数；{3} 人中有 {2} 人依赖 {4} 米内的某一空间。</translation>
        </message>
        <message>
            <source>{0} of {1} submissions linked to {2} of {3} spaces.</source>
            <translation>{1} 条提交记录中有 {0} 条已关联到 {3} 个空间中的 {2} 个。</translation>
        </message>
        <message>
            <source>{0} parts of the street network reach no public space; {1} people live along them and count as not served.</source>
            <translation>街道网络中有 {0} 个部分无法到达任何公共空间；沿线居住的 {1} 人计为不可达。</translation>
        </message>
        <message>
            <source>{0} people counted in {1} km² of urban extent; {2} street segments, {3} open public spaces, computed in {4} s.</source>
            <translation>在 {1} 平方公里的城市范围内统计人口 {0} 人；街道路段 {2} 条，开放公共空间 {3} 处，计算用时 {4} 秒。</translation>
        </message>
        <message>
            <source>{0} people live farther than {1} m from any street and count as not served: check that the streets cover the whole population input.</source>
            <translation>{0} 人居住在距任何街道 {1} 米以外，计为未服务：请检查街道是否覆盖全部人口输入。</translation>
        </message>
        <message>
            <source>{0} people live farther than {1} m from any street and depend on no space: check that the streets cover the whole population input.</source>
            <translation>{0} 人居住在距任何街道超过 {1} 米处，不依赖任何空间：请检查街道是否覆盖整个人口输入。</translation>
        </message>
        <message>
            <source>{0} pieces of earlier urban extent ({1} km²) lie outside every later urban extent and are not counted.</source>
            <translation>有 {0} 个较早的城市范围部分（{1} 平方公里）位于所有较晚城市范围之外，未计入。</translation>
        </message>
        <message>
            <source>{0} pieces of open land larger than {1} m² were left out.</source>
            <translation>{0} 片大于 {1} 平方米的开放用地未计入。</translation>
        </message>
        <message>
            <source>{0} pieces of open land smaller than {1} m² were left out.</source>
            <translation>{0} 片小于 {1} 平方米的开放用地未计入。</translation>
        </message>
        <message>
            <source>{0} pieces of urban extent smaller than the smallest urban extent were left out ({1} km² in all).</source>
            <translation>有 {0} 个小于最小城市范围的城市范围部分未纳入（共 {1} 平方公里）。</translation>
        </message>
        <message>
            <source>{0} populated cells hold no built-up land or building: they were spread evenly.</source>
            <translation>{0} 个有人口的栅格单元内没有建成区或建筑：已平均分配。</translation>
        </message>
        <message>
            <source>{0} population features without geometry were skipped.</source>
            <translation>已跳过 {0} 个没有几何的人口要素。</translation>
        </message>
        <message>
            <source>{0} public spaces with counted = 1 are used; the others do not count for SDG 11.7.1.</source>
            <translation>使用 counted = 1 的 {0} 处公共空间；其他公共空间不计入可持续发展目标 11.7.1。</translation>
        </message>
        <message>
            <source>{0} ranks {1}: mostly {2} ({3} of {4}), then {5} ({6}).</source>
            <translation>{0} 排名第 {1}：主要因为{2}（{4} 中的 {3}），其次是{5}（{6}）。</translation>
        </message>
        <message>
            <source>{0} ranks {1}: mostly {2} ({3} of {4}).</source>
            <translation>{0} 排名第 {1}：主要因为{2}（{4} 中的 {3}）。</translation>
        </message>
        <message>
            <source>{0} ranks {1}: no component adds to its score.</source>
            <translation>{0} 排名第 {1}：没有任何分项为其得分做出贡献。</translation>
        </message>
        <message>
            <source>{0} road segments are upgraded (replaced by a new road on the same vertices).</source>
            <translation>{0} 条路段被升级（由顶点相同的新建道路替换）。</translation>
        </message>
        <message>
            <source>{0} settlements are not in the same class by all three classings:</source>
            <translation>{0} 个居民点在三种分级中的等级不完全相同：</translation>
        </message>
        <message>
            <source>{0} settlements are on roads that reach no centre: {1}</source>
            <translation>有 {0} 个居民点所在的道路无法到达任何中心：{1}</translation>
        </message>
        <message>
            <source>{0} settlements are on roads that reach no provider of some function: {1}</source>
            <translation>有 {0} 个居民点所在的道路无法到达某些功能的提供者：{1}</translation>
        </message>
        <message>
            <source>{0} settlements get no index (missing values): {1}</source>
            <translation>{0} 个居民点没有指数（存在缺失值）：{1}</translation>
        </message>
        <message>
            <source>{0} settlements have no centrality in {1}: they get no class by centrality and no combined class: {2}</source>
            <translation>{0} 个居民点在 {1} 中没有中心性值：它们没有按中心性的等级，也没有综合等级：{2}</translation>
        </message>
        <message>
            <source>{0} settlements have no geometry: they cannot be on a corridor: {1}</source>
            <translation>{0} 个居民点没有几何：无法位于走廊上：{1}</translation>
        </message>
        <message>
            <source>{0} settlements have no hierarchy level in {1}: no function is expected of them.</source>
            <translation>有 {0} 个居民点在 {1} 中没有等级：不要求其具有任何功能。</translation>
        </message>
        <message>
            <source>{0} settlements have no hierarchy level in {1}: they are not centres.</source>
            <translation>{0} 个居民点在 {1} 中没有等级：它们不是中心。</translation>
        </message>
        <message>
            <source>{0} settlements have no road within reach and get no travel time: {1}</source>
            <translation>有 {0} 个居民点附近没有道路，不计算出行时间：{1}</translation>
        </message>
        <message>
            <source>{0} settlements have no travel time (no road, or no centre within reach): they get the largest travel-time need and count as unserved: {1}</source>
            <translation>{0} 个居民点没有出行时间（没有道路，或可达范围内没有中心）：它们获得最大的出行时间需求，并计为服务不足：{1}</translation>
        </message>
        <message>
            <source>{0} settlements have no travel time in {1} (no road, or no centre within reach): they get the largest travel-time need and count as unserved: {2}</source>
            <translation>{0} 个居民点在 {1} 中没有出行时间（没有道路，或可达范围内没有中心）：它们获得最大的出行时间需求，并计为服务不足：{2}</translation>
        </message>
        <message>
            <source>{0} settlements have no value for {1}; it counts as 0 for them.</source>
            <translation>有 {0} 个居民点缺少“{1}”的数值；对这些居民点按 0 计算。</translation>
        </message>
        <message>
            <source>{0} settlements lack {1} expected functions in all; {2} lack at least one.</source>
            <translation>{0} 个居民点共缺少 {1} 项应有功能；{2} 个居民点至少缺少一项。</translation>
        </message>
        <message>
            <source>{0} settlements reach a centre sooner, {1} reach one for the first time.</source>
            <translation>{0} 个居民点到达中心的时间缩短，{1} 个居民点首次能够到达中心。</translation>
        </message>
        <message>
            <source>{0} settlements, {1} functions; reproducibility {2}, scalability {3}.</source>
            <translation>{0} 个居民点，{1} 种功能；再现性系数 {2}，可量表性系数 {3}。</translation>
        </message>
        <message>
            <source>{0} space names held control characters, which were removed in the form's list.</source>
            <translation>{0} 个空间名称含有控制字符，已在表单列表中删除这些字符。</translation>
        </message>
        <message>
            <source>{0} spaces have no id and are not in the form's list.</source>
            <translation>{0} 个空间没有编号，未列入表单的列表。</translation>
        </message>
        <message>
            <source>{0} spaces have no quality index ({1} of them surveyed with a dimension unanswered): they have no priority and are listed last; {2} people depend on them. Survey these first.</source>
            <translation>{0} 个空间没有质量指数（其中 {1} 个已调查但有维度未作答）：它们没有优先级，列在最后；{2} 人依赖它们。请先调查这些空间。</translation>
        </message>
        <message>
            <source>{0} spaces have no street within the entry tolerance, so nobody reaches them on foot: {1}.</source>
            <translation>{0} 个空间在入口容差范围内没有街道，因此无人能步行到达：{1}。</translation>
        </message>
        <message>
            <source>{0} spaces have no usable polygon (no geometry, empty, or no area after repair): they are kept in the inventory, flagged, and not counted.</source>
            <translation>{0} 个空间没有可用的面（没有几何、为空，或修复后没有面积）：它们保留在盘点中并加以标记，但不计入。</translation>
        </message>
        <message>
            <source>{0} spaces have no value in the type field "{1}": not counted.</source>
            <translation>{0} 个空间在类型字段“{1}”中没有值：不计入。</translation>
        </message>
        <message>
            <source>{0} spaces lie in no district: the summary by district leaves them out.</source>
            <translation>{0} 个空间不在任何区内：按区汇总时不包括它们。</translation>
        </message>
        <message>
            <source>{0} spaces of the inventory have no id in the field "{1}": only submissions with a GPS point can be linked to them.</source>
            <translation>盘点中有 {0} 个空间在字段“{1}”中没有编号：只有带 GPS 点的提交记录才能关联到这些空间。</translation>
        </message>
        <message>
            <source>{0} street features without a usable line geometry were skipped.</source>
            <translation>已跳过 {0} 个没有可用线几何的街道要素。</translation>
        </message>
        <message>
            <source>{0} street features without a usable line were skipped.</source>
            <translation>已跳过 {0} 个没有可用线的街道要素。</translation>
        </message>
        <message>
            <source>{0} street segments lie too far from the urban extent to be walked from it and were left out.</source>
            <translation>{0} 个街道路段距城市范围过远，无法从范围内步行到达，已排除。</translation>
        </message>
        <message>
            <source>{0} streets kept, {1} of them walkable; {2} private roads left out.</source>
            <translation>保留 {0} 条街道，其中 {1} 条可步行；排除 {2} 条私有道路。</translation>
        </message>
        <message>
            <source>{0} streets left out of the walking network: {1}.</source>
            <translation>{0} 条街道未纳入步行网络：{1}。</translation>
        </message>
        <message>
            <source>{0} streets without a usable line (no geometry, or of zero length) were skipped.</source>
            <translation>已跳过 {0} 条没有可用线条（无几何或长度为零）的街道。</translation>
        </message>
        <message>
            <source>{0} stretches distances by {1} % at the centre of the data, so the analysis uses {2} ({3}), the UTM zone there. Choose another projected CRS in the parameters if you prefer.</source>
            <translation>{0} 在数据中心处使距离拉伸 {1} %，因此分析使用该处的 UTM 分带 {2}（{3}）。如需其他投影坐标参考系，请在参数中选择。</translation>
        </message>
        <message>
            <source>{0} stretches distances by {1} % where the raster lies: the circle and the fringe distance are measured in its units. For exact distances reproject the raster to a local projected CRS such as the UTM zone.</source>
            <translation>{0} 在栅格所在位置使距离伸长 {1}%：圆和边缘距离按其单位测量。如需精确距离，请将栅格重投影到当地投影坐标参考系，例如 UTM 分带。</translation>
        </message>
        <message>
            <source>{0} surveyed spaces lack answers for a dimension: their quality index is left empty.</source>
            <translation>{0} 个已调查空间缺少某一维度的答案：其质量指数留空。</translation>
        </message>
        <message>
            <source>{0} thresholds make {1} hierarchy levels; give at most {2} thresholds ({3} levels).</source>
            <translation>{0} 个阈值将产生 {1} 个等级；请最多给出 {2} 个阈值（{3} 个等级）。</translation>
        </message>
        <message>
            <source>{0} thresholds make {1} hierarchy levels; the number of levels asked for ({2}) is not used with thresholds.</source>
            <translation>{0} 个阈值产生 {1} 个等级；使用阈值时不采用所要求的等级数（{2}）。</translation>
        </message>
        <message>
            <source>{0} urban extent features without an area were left out.</source>
            <translation>{0} 个没有面积的城市范围要素已被排除。</translation>
        </message>
        <message>
            <source>{0} urban extents hold more than {1} people per km², more than any city: {2}. Check the population grid (its unit, its nodata value).</source>
            <translation>有 {0} 个城市范围的人口密度超过每平方公里 {1} 人，高于任何城市：{2}。请检查人口栅格（其单位及无数据值）。</translation>
        </message>
        <message>
            <source>{0} was given twice; it is read once.</source>
            <translation>{0} 给出了两次；只读取一次。</translation>
        </message>
        <message>
            <source>{0} was skipped: it is a lock or metadata file that Excel, LibreOffice or macOS keeps beside a document, not a scorecard.</source>
            <translation>已跳过 {0}：它是 Excel、LibreOffice 或 macOS 在文档旁保存的锁定文件或元数据文件，不是评分表。</translation>
        </message>
        <message>
            <source>{0} width values could not be read as a width and were replaced by the class or default width, e.g. {1}.</source>
            <translation>{0} 个宽度值无法识别为宽度，已以道路等级宽度或默认宽度代替，例如 {1}。</translation>
        </message>
        <message>
            <source>{0} width values outside {1}–{2} m were rejected and replaced by the class or default width, e.g. {3}.</source>
            <translation>{0} 个宽度值超出 {1}–{2} 米，已被拒绝并以道路等级宽度或默认宽度代替，例如 {3}。</translation>
        </message>
        <message>
            <source>{0} {1} ({2} cells)</source>
            <translation>第 {1} {0}（{2} 个单元格）</translation>
        </message>
        <message>
            <source>{0} {1} → {2}</source>
            <translation>{0}（{1} → {2}）</translation>
        </message>
        <message>
            <source>{0}, criterion {1}</source>
            <translation>{0}，标准 {1}</translation>
        </message>
        <message>
            <source>{0}, level {1}</source>
            <translation>{0}，等级 {1}</translation>
        </message>
        <message>
            <source>{0}, line {1}</source>
            <translation>{0} 第 {1} 行</translation>
        </message>
        <message>
            <source>{0}, line {1}: a quote (") opened here is never closed, so every line after it would be read as one cell. Close the quote or remove it.</source>
            <translation>{0} 第 {1} 行：此处开始的引号（"）始终没有闭合，其后的每一行都会被读成一个单元格。请闭合该引号或将其删除。</translation>
        </message>
        <message>
            <source>{0}, line {1}: not valid JSON ({2}).</source>
            <translation>{0} 第 {1} 行：不是有效的 JSON（{2}）。</translation>
        </message>
        <message>
            <source>{0}, line {1}: the cell that begins here runs over the row of criterion {2}: a quote (") is probably not closed where it should be.</source>
            <translation>{0} 第 {1} 行：此处开始的单元格跨过了标准 {2} 所在的行：很可能有引号（"）没有在应有的位置闭合。</translation>
        </message>
        <message>
            <source>{0}, line {1}: the file holds binary data, not CSV text.</source>
            <translation>{0} 第 {1} 行：文件含有二进制数据，不是 CSV 文本。</translation>
        </message>
        <message>
            <source>{0}, line {1}: the file is neither UTF-8 nor GB18030 (GBK) text (tried: UTF-8 with and without BOM, GB18030 (GBK), UTF-16 with BOM). Save it again with the encoding UTF-8 (in Excel: "CSV UTF-8").</source>
            <translation>{0} 第 {1} 行：文件既不是 UTF-8 文本，也不是 GB18030（GBK）文本（已尝试：UTF-8（带或不带 BOM）、GB18030（GBK）、UTF-16（带 BOM））。请以 UTF-8 编码重新保存（在 Excel 中另存为“CSV UTF-8”）。</translation>
        </message>
        <message>
            <source>{0}, line {1}: the quotes (") do not pair up ({2}). A cell that holds quotes, the separator or a line break must be put in quotes, with every quote in it doubled.</source>
            <translation>{0} 第 {1} 行：引号（"）不成对（{2}）。含有引号、分隔符或换行的单元格必须放在引号中，其中的每个引号都要写两次。</translation>
        </message>
        <message>
            <source>{0}, row {1}</source>
            <translation>{0} 第 {1} 行</translation>
        </message>
        <message>
            <source>{0}. {1}: {2} people newly served, {3} of them {4}.</source>
            <translation>{0}. {1}：新增服务 {2} 人，其中{4} {3} 人。</translation>
        </message>
        <message>
            <source>{0}. {1}: {2} people newly served.</source>
            <translation>{0}. {1}：新增服务 {2} 人。</translation>
        </message>
        <message>
            <source>{0}:</source>
            <translation>{0}：</translation>
        </message>
        <message>
            <source>{0}: "levels" must describe exactly the scores 0, 1, 2 and 3</source>
            <translation>{0}：“levels”必须且只能描述 0、1、2、3 四个分数</translation>
        </message>
        <message>
            <source>{0}: "nua" lists "{1}" twice</source>
            <translation>{0}："nua" 中 "{1}" 列出了两次</translation>
        </message>
        <message>
            <source>{0}: "nua" must list paragraphs as short texts such as "¶ 92", not {1}</source>
            <translation>{0}："nua" 须以简短文本列出段落，例如 "¶ 92"，而不是{1}</translation>
        </message>
        <message>
            <source>{0}: "principle_threshold" "{1}" must be a number from {2} to {3}</source>
            <translation>{0}："principle_threshold" 的 "{1}" 必须是 {2} 至 {3} 之间的数字</translation>
        </message>
        <message>
            <source>{0}: "principles" lists {1} twice</source>
            <translation>{0}："principles" 中 {1} 列出了两次</translation>
        </message>
        <message>
            <source>{0}: "principles" lists {1}; the IG-UTP principles are the whole numbers {2} to {3}</source>
            <translation>{0}："principles" 中列有 {1}；《城市与区域规划国际准则》的原则编号为 {2} 至 {3} 的整数</translation>
        </message>
        <message>
            <source>{0}: "status" is missing or empty: a framework of version {1} states its status, such as {{"en": "Draft for expert review", "zh": "…"}}</source>
            <translation>{0}：缺少 "status" 或其为空：第 {1} 版评估框架须说明其状态，例如 {{"en": "Draft for expert review", "zh": "…"}}</translation>
        </message>
        <message>
            <source>{0}: "weight" must be a number above 0</source>
            <translation>{0}：“weight”必须是大于 0 的数字</translation>
        </message>
        <message>
            <source>{0}: "{1}"</source>
            <translation>{0}：“{1}”</translation>
        </message>
        <message>
            <source>{0}: "{1}" is given twice (also at {2}); keep one.</source>
            <translation>{0}：“{1}”出现了两次（另见 {2}）；请只保留一个。</translation>
        </message>
        <message>
            <source>{0}: "{1}" is given twice in one object (the later would silently replace the earlier); keep one.</source>
            <translation>{0}：“{1}”在同一对象中出现了两次（后者会悄然取代前者）；请只保留一个。</translation>
        </message>
        <message>
            <source>{0}: "{1}" is missing or empty</source>
            <translation>{0}：缺少“{1}”或其为空</translation>
        </message>
        <message>
            <source>{0}: "{1}" must be text, not {2}.</source>
            <translation>{0}：“{1}”必须是文本，而不是{2}。</translation>
        </message>
        <message>
            <source>{0}: "{1}" must be {2}, not {3}</source>
            <translation>{0}：“{1}”必须是{2}，而不是{3}</translation>
        </message>
        <message>
            <source>{0}: a JSON scorecard needs a "scores" object.</source>
            <translation>{0}：JSON 评分表需要一个“scores”对象。</translation>
        </message>
        <message>
            <source>{0}: a KoboToolbox export is a .csv or .xlsx file.</source>
            <translation>{0}：Kobo 工具箱导出文件应为 .csv 或 .xlsx 文件。</translation>
        </message>
        <message>
            <source>{0}: a framework of version {1} names the IG-UTP principles (1 to 12) each criterion evidences, as "principles": [1, 2]; missing for {2} criteria: {3}</source>
            <translation>{0}：第 {1} 版评估框架须为每项标准注明其所体现的《城市与区域规划国际准则》原则（1 至 12），例如 "principles": [1, 2]；有 {2} 项标准缺少该项：{3}</translation>
        </message>
        <message>
            <source>{0}: a score or comment without a criterion id.</source>
            <translation>{0}：有评分或意见，但没有标准编号。</translation>
        </message>
        <message>
            <source>{0}: a weight of {1} is implausible: weights are relative, give at most {2}</source>
            <translation>{0}：权重 {1} 不合理：权重是相对值，请给出不超过 {2} 的值</translation>
        </message>
        <message>
            <source>{0}: framework version {1}, the framework is version {2}.</source>
            <translation>{0}：评分表的框架版本为 {1}，而评估框架版本为 {2}。</translation>
        </message>
        <message>
            <source>{0}: made for the framework "{1}", not "{2}".</source>
            <translation>{0}：该评分表针对的是评估框架“{1}”，而不是“{2}”。</translation>
        </message>
        <message>
            <source>{0}: more than {1} rows; a scorecard has one row per criterion.</source>
            <translation>{0}：超过 {1} 行；评分表每项标准只有一行。</translation>
        </message>
        <message>
            <source>{0}: must be an object {{…}}, not {1}</source>
            <translation>{0}：必须是对象 {{…}}，而不是{1}</translation>
        </message>
        <message>
            <source>{0}: no "criterion, score, comment, evidence" header row was found.</source>
            <translation>{0}：未找到“criterion, score, comment, evidence”表头行。</translation>
        </message>
        <message>
            <source>{0}: no criterion has a score from 0 to 3 (an unfilled template?). Fill it in or leave it out: it would count as an assessor.</source>
            <translation>{0}：没有任何标准的评分在 0 至 3 之间（是未填写的模板吗？）。请填写或将其移除：否则它会被算作一位评估者。</translation>
        </message>
        <message>
            <source>{0}: none of the questionnaire's scored questions is in the export. Is it the export of this form? Columns found: {1}</source>
            <translation>{0}：导出文件中没有问卷的任何计分问题。这是该表单的导出文件吗？找到的列：{1}</translation>
        </message>
        <message>
            <source>{0}: not measured ({1}) {2}</source>
            <translation>{0}：未测算（{1}）{2}</translation>
        </message>
        <message>
            <source>{0}: not served (%)</source>
            <translation>{0}：未被服务 (%)</translation>
        </message>
        <message>
            <source>{0}: not valid JSON ({1}).</source>
            <translation>{0}：不是有效的 JSON（{1}）。</translation>
        </message>
        <message>
            <source>{0}: plan versions over time</source>
            <translation>{0}：不同时期的规划版本</translation>
        </message>
        <message>
            <source>{0}: public space {1} %, streets {2} %, total {3} % of {4} km² (benchmarks 15 %, 30 %, 45 %).</source>
            <translation>{0}：公共空间 {1} %，街道 {2} %，合计 {3} %，城市面积 {4} 平方公里（基准值 15 %、30 %、45 %）。</translation>
        </message>
        <message>
            <source>{0}: sampled street share {1} % (95 % interval {2}–{3} %, {4} circles).</source>
            <translation>{0}：抽样街道比例 {1} %（95 % 区间 {2}–{3} %，{4} 个圆）。</translation>
        </message>
        <message>
            <source>{0}: scorecards are .json, .csv or .xlsx files.</source>
            <translation>{0}：评分表必须是 .json、.csv 或 .xlsx 文件。</translation>
        </message>
        <message>
            <source>{0}: scored on version {1} of the framework; version {2} adds {3} criteria it does not list ({4}), which count as not scored. Score them on a new template, or assess the card with the framework file of version {1}.</source>
            <translation>{0}：按评估框架第 {1} 版评分；第 {2} 版新增了 {3} 项该评分表未列出的标准（{4}），按未评分处理。请在新模板上为这些标准评分，或使用第 {1} 版框架文件评估该评分表。</translation>
        </message>
        <message>
            <source>{0}: streets {1} % with every width 25 % narrower, {2} % with every width 25 % wider.</source>
            <translation>{0}：所有宽度缩窄 25 % 时街道占 {1} %，加宽 25 % 时占 {2} %。</translation>
        </message>
        <message>
            <source>{0}: the "nua" tag "{1}…" is longer than {2} characters: give the paragraph, such as "¶ 92"</source>
            <translation>{0}："nua" 标注 "{1}…" 超过 {2} 个字符：请只写段落编号，例如 "¶ 92"</translation>
        </message>
        <message>
            <source>{0}: the JSON is nested too deeply.</source>
            <translation>{0}：JSON 嵌套层级过深。</translation>
        </message>
        <message>
            <source>{0}: the agreement rests on only {1} of the {2} criteria (those scored by two or more assessors); it says little about the plan as a whole.</source>
            <translation>{0}：一致性仅基于 {2} 项标准中的 {1} 项（由两位或以上评估者评分的标准）；对整个规划的说明意义不大。</translation>
        </message>
        <message>
            <source>{0}: the assessors agree too little (alpha {1}, below {2}) for the scores to be relied on; discuss the flagged criteria.</source>
            <translation>{0}：评估者之间的一致性过低（α 系数 {1}，低于 {2}），评分不可靠；请讨论被标出的标准。</translation>
        </message>
        <message>
            <source>{0}: the comment or evidence of criterion {1} must be text, not {2}.</source>
            <translation>{0}：标准 {1} 的意见或依据必须是文本，而不是{2}。</translation>
        </message>
        <message>
            <source>{0}: the criterion id "{1}" is used twice</source>
            <translation>{0}：标准编号“{1}”被使用了两次</translation>
        </message>
        <message>
            <source>{0}: the criterion {1} is listed twice (also at {2}); keep one, or the later would silently replace the earlier.</source>
            <translation>{0}：标准 {1} 列出了两次（另见 {2}）；请只保留一个，否则后者会悄然取代前者。</translation>
        </message>
        <message>
            <source>{0}: the export has neither the space id column "{1}" nor GPS columns ("_gps_latitude", "_gps_longitude" or "gps"); its submissions cannot be linked to spaces. Columns found: {2}</source>
            <translation>{0}：导出文件既没有空间编号列“{1}”，也没有 GPS 列（"_gps_latitude"、"_gps_longitude" 或 "gps"）；其提交记录无法关联到空间。找到的列：{2}</translation>
        </message>
        <message>
            <source>{0}: the features {1} have several points each; give one point per feature (for example with the tool "Multipart to singleparts").</source>
            <translation>{0}：要素 {1} 各包含多个点；请每个要素只给一个点（例如使用“多部件转单部件”工具）。</translation>
        </message>
        <message>
            <source>{0}: the file is empty.</source>
            <translation>{0}：文件为空。</translation>
        </message>
        <message>
            <source>{0}: the header row has no "score" column.</source>
            <translation>{0}：表头行没有“score”列。</translation>
        </message>
        <message>
            <source>{0}: the names {1} are used more than once; each is shown with its feature id.</source>
            <translation>{0}：名称 {1} 被使用了不止一次；每个都附上其要素编号显示。</translation>
        </message>
        <message>
            <source>{0}: the sample ran out of circles before the 95 % confidence interval reached ±{1} points.</source>
            <translation>{0}：在 95 % 置信区间达到 ±{1} 个百分点之前样本圆已用尽。</translation>
        </message>
        <message>
            <source>{0}: the score "{1}" of criterion {2} is not a number or NA.</source>
            <translation>{0}：标准 {2} 的分数“{1}”不是数字，也不是“不适用”。</translation>
        </message>
        <message>
            <source>{0}: the score of criterion {1} is {2}, not 0 to 3 or NA.</source>
            <translation>{0}：标准 {1} 的评分是{2}，而不是 0 至 3 或 NA。</translation>
        </message>
        <message>
            <source>{0}: the score {1} of criterion {2} is outside 0 to 3.</source>
            <translation>{0}：标准 {2} 的分数 {1} 超出 0 至 3 的范围。</translation>
        </message>
        <message>
            <source>{0}: the score {1} of criterion {2} must be a whole number 0, 1, 2 or 3, or NA.</source>
            <translation>{0}：标准 {2} 的评分 {1} 必须是整数 0、1、2 或 3，或者 NA。</translation>
        </message>
        <message>
            <source>{0}: the scorecard does not say {1}.</source>
            <translation>{0}：评分表中没有注明 {1}。</translation>
        </message>
        <message>
            <source>{0}: the text "{1}" is {2} characters long; a spreadsheet cell holds at most {3}</source>
            <translation>{0}：文本“{1}”长 {2} 个字符；电子表格单元格最多容纳 {3} 个</translation>
        </message>
        <message>
            <source>{0}: the text "{1}" must be {2}, not {3}</source>
            <translation>{0}：文本“{1}”必须是{2}，而不是{3}</translation>
        </message>
        <message>
            <source>{0}: the theme id "{1}" is longer than {2} characters (it names a field of the map)</source>
            <translation>{0}：主题编号“{1}”超过 {2} 个字符（它用作地图的字段名）</translation>
        </message>
        <message>
            <source>{0}: the theme id "{1}" is used twice (case is ignored: it names a field of the map)</source>
            <translation>{0}：主题编号“{1}”使用了两次（不区分大小写：它用作地图的字段名）</translation>
        </message>
        <message>
            <source>{0}: the value of "{1}" runs over several cells; a text that holds the separator must be put in quotes.</source>
            <translation>{0}：“{1}”的值跨越了多个单元格；含有分隔符的文本必须放在引号中。</translation>
        </message>
        <message>
            <source>{0}: the workbook has no sheet.</source>
            <translation>{0}：工作簿中没有工作表。</translation>
        </message>
        <message>
            <source>{0}: the year "{1}" is not a number.</source>
            <translation>{0}：年份“{1}”不是数字。</translation>
        </message>
        <message>
            <source>{0}: the year {1} is not a plan year from {2} to {3}.</source>
            <translation>{0}：年份 {1} 不是 {2} 至 {3} 之间的规划年份。</translation>
        </message>
        <message>
            <source>{0}: unknown criteria: {1}</source>
            <translation>{0}：未知的标准：{1}</translation>
        </message>
        <message>
            <source>{0}: urban extent {1} km² (urban {2}, suburban {3}, fringe open space {4}, captured open space {5} km²), {6} people.</source>
            <translation>{0}：城市范围 {1} 平方公里（城市 {2}、郊区 {3}、边缘开放空间 {4}、被包围的开放空间 {5} 平方公里），{6} 人。</translation>
        </message>
        <message>
            <source>{0}: urban extent {1} km² (urban {2}, suburban {3}, fringe open space {4}, captured open space {5} km²).</source>
            <translation>{0}：城市范围 {1} 平方公里（城市 {2}、郊区 {3}、边缘开放空间 {4}、被包围的开放空间 {5} 平方公里）。</translation>
        </message>
        <message>
            <source>{0}: urban extent {1} → {2} km², population {3} → {4}; LCR {5} % a year, PGR {6} % a year, LCRPGR {7}.</source>
            <translation>{0}：城市范围 {1} → {2} 平方公里，人口 {3} → {4}；LCR 每年 {5}%，PGR 每年 {6}%，LCRPGR {7}。</translation>
        </message>
        <message>
            <source>{0}: {1}</source>
            <translation>{0}：{1}</translation>
        </message>
        <message>
            <source>{0}: {1} % today, {2} % with the new spaces.</source>
            <translation>{0}：目前 {1} %，新增公共空间后 {2} %。</translation>
        </message>
        <message>
            <source>{0}: {1} (see the import log).</source>
            <translation>{0}：{1}（见导入日志）。</translation>
        </message>
        <message>
            <source>{0}: {1} assessors, {2} % of the potential score, alpha {3} over {4} criteria scored by two or more of them.</source>
            <translation>{0}：{1} 位评估者，得分占满分 {2} %，α 系数 {3}（基于 {4} 项由两位或以上评估者评分的标准）。</translation>
        </message>
        <message>
            <source>{0}: {1} cells, but the header row has {2}; a comment or evidence that holds the separator must be put in quotes.</source>
            <translation>{0}：有 {1} 个单元格，但表头行只有 {2} 个；含有分隔符的意见或依据必须放在引号中。</translation>
        </message>
        <message>
            <source>{0}: {1} criteria have no score (left blank) and count as not scored: {2}.</source>
            <translation>{0}：{1} 项标准没有评分（留空），按未评分计：{2}。</translation>
        </message>
        <message>
            <source>{0}: {1} criteria were scored by no assessor; they stay in the potential score with no points (coverage {2} %).</source>
            <translation>{0}：有 {1} 项标准没有任何评估者评分；它们仍计入满分但得 0 分（覆盖率 {2}%）。</translation>
        </message>
        <message>
            <source>{0}: {1} features are neither points nor polygons and were left out: feature ids {2}</source>
            <translation>{0}：{1} 个要素既不是点也不是面，已被排除：要素编号 {2}</translation>
        </message>
        <message>
            <source>{0}: {1} features without a usable geometry (none, empty or not a number) were left out: feature ids {2}</source>
            <translation>{0}：{1} 个没有可用几何（无几何、空几何或坐标不是数字）的要素已被排除：要素编号 {2}</translation>
        </message>
        <message>
            <source>{0}: {1} files that are not .json, .csv or .xlsx were left out.</source>
            <translation>{0}：已略过 {1} 个不是 .json、.csv 或 .xlsx 的文件。</translation>
        </message>
        <message>
            <source>{0}: {1} is not a number JSON allows.</source>
            <translation>{0}：{1} 不是 JSON 允许的数字。</translation>
        </message>
        <message>
            <source>{0}: {1} marked {2} NA without a reason (the comment); it counts as not scored.</source>
            <translation>{0}：{1} 将 {2} 评为“不适用”但未说明理由（备注）；按未评分处理。</translation>
        </message>
        <message>
            <source>{0}: {1} not served of {2} ({3} %).</source>
            <translation>{0}：{2} 人中 {1} 人未被服务（{3} %）。</translation>
        </message>
        <message>
            <source>{0}: {1} of the {2} criteria of the framework are not in the scorecard ({3}); they count as not scored.</source>
            <translation>{0}：评估框架 {2} 项标准中有 {1} 项不在评分表中（{3}）；按未评分计。</translation>
        </message>
        <message>
            <source>{0}: {1} of {2} criteria scored</source>
            <translation>{0}：已评分 {1}/{2} 项标准</translation>
        </message>
        <message>
            <source>{0}: {1} of {2} people within {3} m walking distance ({4} %).</source>
            <translation>{0}：{2} 人中有 {1} 人位于 {3} 米步行距离以内（{4} %）。</translation>
        </message>
        <message>
            <source>{0}: {1} scorecards from the assessment store.</source>
            <translation>{0}：从评估库读取了 {1} 份评分表。</translation>
        </message>
        <message>
            <source>{0}: {1} settlements have a negative value; the function counts as absent there.</source>
            <translation>{0}：{1} 个居民点的值为负；该功能在这些居民点计为不存在。</translation>
        </message>
        <message>
            <source>{0}: {1} settlements have an infinite value, counted as missing.</source>
            <translation>{0}：{1} 个居民点的值为无穷大，计为缺失。</translation>
        </message>
        <message>
            <source>{0}: {1} settlements have an infinite value, counted as no value.</source>
            <translation>{0}：{1} 个居民点的值为无穷大，计为无值。</translation>
        </message>
        <message>
            <source>{0}: {1} settlements have no group; they form a group of their own in the balance.</source>
            <translation>{0}：有 {1} 个居民点没有分组；它们在均衡分析中单独成组。</translation>
        </message>
        <message>
            <source>{0}: {1} settlements have no people; they do not count in the population figures.</source>
            <translation>{0}：有 {1} 个居民点没有人口；它们不计入人口数字。</translation>
        </message>
        <message>
            <source>{0}: {1} settlements have no value.</source>
            <translation>{0}：有 {1} 个居民点没有数值。</translation>
        </message>
        <message>
            <source>{0}: {1} settlements have no value; the function counts as absent there.</source>
            <translation>{0}：{1} 个居民点没有值；该功能在这些居民点计为不存在。</translation>
        </message>
        <message>
            <source>{0}: {1} settlements have values far outside the others' range (more than 10 interquartile ranges): {2}. A min-max scale puts every other settlement near one end; check them (a unit or a typing slip?) or choose z-scores.</source>
            <translation>{0}：有 {1} 个居民点的数值远超出其他居民点的范围（超过 10 个四分位距）：{2}。最小-最大标准化会使其他居民点都挤在一端；请检查这些数值（单位或录入错误？），或改用 Z 分数。</translation>
        </message>
        <message>
            <source>{0}–{1} % served</source>
            <translation>可达 {0}–{1} %</translation>
        </message>
        <message>
            <source>{0}–{1} m</source>
            <translation>{0}–{1} 米</translation>
        </message>
        <message>
            <source>{0}–{1} people</source>
            <translation>{0}–{1} 人</translation>
        </message>
        <message>
            <source>β</source>
            <translation>β</translation>
        </message>
        <message>
            <source>β of the chosen distance decay. Exponential: per minute; 0.0231 = ln 2 / 30, a centre 30 minutes away counts half (a planning choice: there is no universal β; calibrate it on local trip data when available; Geurs &amp; van Wee 2004, J. Transport Geography 12(2): 127–140). Power: the exponent of travel time, 2 = gravity (Hansen 1959). The dominant centre (Huff, Reilly) always uses the power form with β = 2.</source>
            <translation>所选衰减函数的 β。指数函数：按每分钟计；0.0231 = ln 2 / 30，即 30 分钟外的中心按一半计（这是一项规划选择：不存在通用的 β；如有本地出行数据，应据此校准；Geurs 和 van Wee 2004，J. Transport Geography 12(2): 127–140）。幂函数：出行时间的指数，2 = 引力模型（Hansen 1959）。主导中心（Huff、Reilly）始终采用 β = 2 的幂函数形式。</translation>
        </message>
        <message>
            <source>… and {0} more urban extents.</source>
            <translation>……另有 {0} 个城市范围。</translation>
        </message>
        <message>
            <source>… and {0} more.</source>
            <translation>……另有 {0} 个。</translation>
        </message>
    </context>
</TS>
