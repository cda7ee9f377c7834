<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlertBanner</name>
    <message>
        <location filename="../../desktop/views/alert_banner.py" line="39" />
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../desktop/views/alert_banner.py" line="57" />
        <source>Severity raised</source>
        <translation>级别上调</translation>
    </message>
    <message>
        <location filename="../../desktop/views/alert_banner.py" line="57" />
        <source>New incident</source>
        <translation>新接报</translation>
    </message>
    <message>
        <location filename="../../desktop/views/alert_banner.py" line="58" />
        <source>EXERCISE</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../desktop/views/alert_banner.py" line="71" />
        <source> (+%1 more)</source>
        <translation>（另有 %1 条）</translation>
    </message>
</context>
<context>
    <name>DeskBadge</name>
    <message>
        <location filename="../../desktop/views/desk_badge.py" line="96" />
        <source>Nobody signed in · contacts masked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/desk_badge.py" line="97" />
        <source>Sign in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/desk_badge.py" line="102" />
        <source>Sign out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/desk_badge.py" line="108" />
        <source>▲ Store restored from a backup</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/desk_badge.py" line="114" />
        <source>■ Recording unavailable</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DutyLogDialog</name>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="54" />
        <source>Duty log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="59" />
        <source>Day</source>
        <translation type="unfinished">日期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="67" />
        <source>Filter entries…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="95" />
        <source>no link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="95" />
        <source>incident</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="96" />
        <source>station</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="96" />
        <source>person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="99" />
        <source>code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="104" />
        <source>What happened: calls received, instructions relayed, checks done…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="113" />
        <source>Correct selected…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="114" />
        <source>Cancel correction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="116" />
        <location filename="../../desktop/views/duty_log.py" line="188" />
        <source>Add entry</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/duty_log.py" line="145" />
        <source>%n entries</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="150" />
        <source>Recording unavailable: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="168" />
        <source>Select the entry to correct.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="171" />
        <source>Entry #%1 was already corrected: correct #%2 instead.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="180" />
        <source>Save correction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="182" />
        <source>Correcting entry #%1: the original stays in the log.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="209" />
        <source>Sign in to write in the duty log.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DutyLogTableModel</name>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="43" />
        <source>No.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="43" />
        <source>Time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="43" />
        <source>Kind</source>
        <translation type="unfinished">品种</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="43" />
        <source>Entry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="44" />
        <source>Linked to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="44" />
        <source>Officer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="44" />
        <source>Status</source>
        <translation type="unfinished">状态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="49" />
        <source>corrected by #%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="51" />
        <source>corrects #%1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="79" />
        <source>Recorded %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Equipment</name>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="28" />
        <source>in service</source>
        <translation>在位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="29" />
        <source>dispatched</source>
        <translation>已派出</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="30" />
        <source>faulty</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="31" />
        <source>scrapped</source>
        <translation>已报废</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="32" />
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="33" />
        <source>fault found</source>
        <translation>发现问题</translation>
    </message>
</context>
<context>
    <name>EquipmentTableModel</name>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="88" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="88" />
        <source>Kind</source>
        <translation>品种</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="88" />
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="88" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="89" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="89" />
        <source>Last inspected</source>
        <translation>最近检查</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="89" />
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="90" />
        <source>Made</source>
        <translation>生产日期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="90" />
        <source>Last serviced</source>
        <translation>最近维保</translation>
    </message>
</context>
<context>
    <name>Fonts</name>
    <message>
        <location filename="../../desktop/views/i18n.py" line="42" />
        <source>No Chinese font installed: Chinese text cannot be shown or printed</source>
        <translation>未安装中文字体：无法显示或打印中文</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../desktop/views/header.py" line="33" />
        <location filename="../../desktop/views/header.py" line="70" />
        <source>Street duty room</source>
        <translation>街道应急值班室</translation>
    </message>
    <message>
        <location filename="../../desktop/views/header.py" line="45" />
        <location filename="../../desktop/views/header.py" line="99" />
        <source>Connecting to the replica…</source>
        <translation>正在连接数据副本…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/header.py" line="75" />
        <source>warning</source>
        <translation>预警</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/header.py" line="92" />
        <source>Data problems: %n</source>
        <translation>
            <numerusform>数据问题：%n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/header.py" line="96" />
        <source>● LIVE</source>
        <translation>● 实时</translation>
    </message>
    <message>
        <location filename="../../desktop/views/header.py" line="104" />
        <source>■ DATA STALE since %1 (replica unreadable)</source>
        <translation>■ 数据未更新 自 %1（副本无法读取）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/header.py" line="106" />
        <source>■ DATA STALE since %1</source>
        <translation>■ 数据未更新 自 %1</translation>
    </message>
</context>
<context>
    <name>IncidentPanel</name>
    <message>
        <location filename="../../desktop/views/incident_panel.py" line="18" />
        <source>Open incidents</source>
        <translation>未结事件</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../desktop/views/qt_incident_model.py" line="64" />
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_incident_model.py" line="64" />
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_incident_model.py" line="64" />
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_incident_model.py" line="64" />
        <source>Deadline</source>
        <translation>报送时限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_incident_model.py" line="65" />
        <source>Received</source>
        <translation>接报</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_incident_model.py" line="82" />
        <source>[EXERCISE] </source>
        <translation>[演练] </translation>
    </message>
</context>
<context>
    <name>InspectionTableModel</name>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="100" />
        <source>Inspected</source>
        <translation>检查时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="100" />
        <source>Item</source>
        <translation>装备</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="100" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="100" />
        <source>Inspector</source>
        <translation>检查人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="101" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>KpiTiles</name>
    <message>
        <location filename="../../desktop/views/kpi_tiles.py" line="39" />
        <source>On duty now</source>
        <translation>当前在岗</translation>
    </message>
    <message>
        <location filename="../../desktop/views/kpi_tiles.py" line="40" />
        <source>Stations ready</source>
        <translation>站点就绪</translation>
    </message>
    <message>
        <location filename="../../desktop/views/kpi_tiles.py" line="41" />
        <source>Stations not ready</source>
        <translation>站点未就绪</translation>
    </message>
    <message>
        <location filename="../../desktop/views/kpi_tiles.py" line="42" />
        <source>Open incidents</source>
        <translation>未结事件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/kpi_tiles.py" line="51" />
        <source>Leader %1 · readiness %2</source>
        <translation>带班 %1 · 备勤 %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/views/main_window.py" line="31" />
        <source>Street Duty Room</source>
        <translation>街道应急值班指挥台</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="41" />
        <source>Grid map</source>
        <translation>网格一张图</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="86" />
        <source>Data problems</source>
        <translation>数据问题</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="48" />
        <source>Reveal a contact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="52" />
        <source>Contact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="56" />
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="58" />
        <location filename="../../desktop/views/reveal_dialog.py" line="117" />
        <source>masked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="67" />
        <source>Each reveal is recorded with your name, the time and the reason.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="72" />
        <source>Reveal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="87" />
        <source>Sign in to reveal this contact.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="91" />
        <source>Fetching…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="110" />
        <source>Masked again in %1 s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="118" />
        <source>Masked again. Reveal again if needed (recorded again).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="125" />
        <source>Not revealed: recording is unavailable (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="127" />
        <source>Not revealed: your role may not reveal this contact.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="129" />
        <location filename="../../desktop/views/reveal_dialog.py" line="132" />
        <source>Not revealed: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RosterPanel</name>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="30" />
        <source>Duty roster</source>
        <translation>值班安排</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="32" />
        <source>Week view</source>
        <translation>本周排班</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="51" />
        <source>no shift on the roster</source>
        <translation>未排班</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="54" />
        <source>no leader</source>
        <translation>无带班领导</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="58" />
        <source>Leader</source>
        <translation>带班领导</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="59" />
        <source>Officers</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="73" />
        <source>Staffing gaps, next 72 h</source>
        <translation>72小时内排班缺口</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="83" />
        <source>skills covered</source>
        <translation>技能齐备</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="88" />
        <source>skills short</source>
        <translation>技能不足</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="94" />
        <source>Now</source>
        <translation>本班</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="95" />
        <source>Next</source>
        <translation>下一班</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="97" />
        <source>24-hour readiness</source>
        <translation>24小时备勤</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="103" />
        <source>professional %1 · cadres and militia %2</source>
        <translation>专业队员 %1 · 干部民兵 %2</translation>
    </message>
</context>
<context>
    <name>RosterWeekDialog</name>
    <message>
        <location filename="../../desktop/views/roster_week.py" line="24" />
        <source>Roster for the week</source>
        <translation>本周值班表</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_week.py" line="34" />
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_week.py" line="48" />
        <source>Could not load the roster: %1</source>
        <translation>无法加载排班：%1</translation>
    </message>
</context>
<context>
    <name>RosterWeekModel</name>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="45" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="47" />
        <source>24-hour readiness</source>
        <translation>24小时备勤</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="48" />
        <source>Shift %1</source>
        <translation>第%1班</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="52" />
        <source>no leader</source>
        <translation>无带班领导</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="67" />
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="87" />
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="87" />
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="87" />
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="87" />
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="87" />
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="88" />
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="88" />
        <source>Sun</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="171" />
        <source>%1 may not do this: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="174" />
        <source>Not permitted</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="44" />
        <source>Sign in at the duty desk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="46" />
        <source>Recorded actions carry the name of the officer signed in here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="54" />
        <source>Your name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="57" />
        <source>PIN or password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="58" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="59" />
        <source>PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="66" />
        <source>Sign in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="97" />
        <source>Enter your name and PIN.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="101" />
        <source>Checking…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="117" />
        <source>Name or PIN not recognised.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/sign_in.py" line="119" />
        <source>%n attempt(s) left before the name is locked.</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="122" />
        <source>Too many wrong attempts: locked until %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="129" />
        <source>Sign-in failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="134" />
        <source>Recording is unavailable, so nobody can sign in: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StationDetailDialog</name>
    <message>
        <location filename="../../desktop/views/station_detail.py" line="60" />
        <source>Filter (kind, code, status…)</source>
        <translation>筛选（品种、编号、状态…）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/station_detail.py" line="67" />
        <source>Equipment</source>
        <translation>装备</translation>
    </message>
    <message>
        <location filename="../../desktop/views/station_detail.py" line="68" />
        <source>Inspection history</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../../desktop/views/station_detail.py" line="70" />
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/station_detail.py" line="82" />
        <source>%1 items · %2 inspections</source>
        <translation>%1 件装备 · %2 条检查记录</translation>
    </message>
    <message>
        <location filename="../../desktop/views/station_detail.py" line="88" />
        <source>Could not load the station: %1</source>
        <translation>无法加载站点：%1</translation>
    </message>
</context>
<context>
    <name>StationPanel</name>
    <message>
        <location filename="../../desktop/views/station_panel.py" line="19" />
        <source>Emergency service stations</source>
        <translation>应急服务站</translation>
    </message>
</context>
<context>
    <name>StationTableModel</name>
    <message>
        <location filename="../../desktop/views/qt_station_model.py" line="44" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_station_model.py" line="44" />
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_station_model.py" line="44" />
        <source>Kit</source>
        <translation>装备</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_station_model.py" line="44" />
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../desktop/views/theme.py" line="30" />
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../desktop/views/theme.py" line="31" />
        <source>Degraded</source>
        <translation>部分就绪</translation>
    </message>
    <message>
        <location filename="../../desktop/views/theme.py" line="32" />
        <source>Not ready</source>
        <translation>未就绪</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <location filename="../../desktop/views/timeline_panel.py" line="33" />
        <source>Incident timeline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/timeline_panel.py" line="40" />
        <source>Class</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/timeline_panel.py" line="42" />
        <source>Level</source>
        <translation type="unfinished">级别</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline_panel.py" line="44" />
        <source>Status</source>
        <translation type="unfinished">状态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline_panel.py" line="45" />
        <source>Open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/timeline_panel.py" line="45" />
        <source>Closed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/timeline_panel.py" line="47" />
        <source>Grid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/timeline_panel.py" line="59" />
        <location filename="../../desktop/views/timeline_panel.py" line="123" />
        <source>All</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TimelinePlot</name>
    <message>
        <location filename="../../desktop/views/qt_timeline_plot.py" line="134" />
        <source>now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/qt_timeline_plot.py" line="183" />
        <source>[EXERCISE] </source>
        <translation type="unfinished">[演练] </translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_timeline_plot.py" line="228" />
        <source>occurred %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../desktop/views/qt_timeline_plot.py" line="230" />
        <source>recorded %1</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>