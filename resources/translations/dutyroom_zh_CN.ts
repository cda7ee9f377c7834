<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AfterActionPdf</name>
    <message>
        <source>None were kept.</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Moment</source>
        <translation>时刻</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Bookmarks and notes</source>
        <translation>书签与备注</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="41"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="46"/>
        <source>%1 min %2 s</source>
        <translation>%1分%2秒</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="54"/>
        <source>not reached</source>
        <translation>未达成</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="60"/>
        <source>missed (+%1)</source>
        <translation>超时（+%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="62"/>
        <source>met</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="65"/>
        <source>recorded: %1</source>
        <translation>按记录：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="71"/>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="73"/>
        <source>%1 (target %2 from %3)</source>
        <translation>%1（目标：%3后 %2）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="82"/>
        <source>received %1</source>
        <translation>接报 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="99"/>
        <source>Occurred</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="99"/>
        <source>Recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="100"/>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="100"/>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="101"/>
        <source>By (masked)</source>
        <translation>经办人（已脱敏）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="128"/>
        <source>target</source>
        <translation>目标时限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="133"/>
        <source>Marks at the time each stage happened (Beijing time); dashed red ticks: target deadlines.</source>
        <translation>标记为各环节发生时间（北京时间）；红色虚线为目标时限。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="141"/>
        <source>%1 ≤ %2 (from %3)</source>
        <translation>%1 ≤ %2（自%3起）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="146"/>
        <source>%1 incidents, %2 measures: %3 met, %4 missed.</source>
        <translation>共 %1 起事件、%2 项时效指标：达标 %3 项，未达标 %4 项。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="149"/>
        <source>After-action summary</source>
        <translation>演练总结</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="152"/>
        <source>(Beijing time)</source>
        <translation>（北京时间）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="154"/>
        <source>Response times against targets</source>
        <translation>处置时效与目标对比</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="155"/>
        <source>Targets: </source>
        <translation>目标：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="158"/>
        <source>Incident timeline</source>
        <translation>事件时间线</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="160"/>
        <source>Event log</source>
        <translation>事件记录</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="161"/>
        <source>* recorded later than it happened</source>
        <translation>* 晚于发生时间录入</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="167"/>
        <source>Data problems</source>
        <translation>数据问题</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="169"/>
        <source>Left out of the measures:</source>
        <translation>以下记录未计入时效：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="173"/>
        <source>None: every event of the drill was usable.</source>
        <translation>无：演练的全部事件记录均可用。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="180"/>
        <source>EXERCISE</source>
        <translation>演练 / EXERCISE</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="181"/>
        <source>Printed %1 · personal data masked</source>
        <translation>打印于 %1 · 个人信息已脱敏</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="182"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页 / 共 %2 页</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>distance unknown (no position)</source>
        <translation>距离未知（无位置）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>%1 m, inside its %2-minute circle (%3 km)</source>
        <translation>%1 米，在 %2 分钟响应圈内（%3 公里）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>%1 m, outside its %2-minute circle (%3 km)</source>
        <translation>%1 米，在 %2 分钟响应圈外（%3 公里）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>%1 m, inside the %2 m circle</source>
        <translation>%1 米，在 %2 米服务圈内</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>%1 m, outside the %2 m circle</source>
        <translation>%1 米，在 %2 米服务圈外</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>along roads: not computed (no road network in the replica)</source>
        <translation>沿路距离：未计算（副本无路网）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>along roads: %1 m</source>
        <translation>沿路距离：%1 米</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>not on scene, target ≤ %1 (%2): ✗ not reached</source>
        <translation>未到场，目标 ≤ %1（%2）：✗ 未到场</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>on scene in %1, target ≤ %2 (%3): ✓ met</source>
        <translation>%1 到场，目标 ≤ %2（%3）：✓ 达标</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>on scene in %1, target ≤ %2 (%3): ✗ missed (+%4)</source>
        <translation>%1 到场，目标 ≤ %2（%3）：✗ 超时（+%4）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>(no station)</source>
        <translation>（未注明站点）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Station sent</source>
        <translation>派出站点</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Straight-line distance and circle</source>
        <translation>直线距离与服务圈</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Arrival against its target</source>
        <translation>到场时间与目标</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Attendance: %1 person-times</source>
        <translation>参演：%1 人次</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>People in the log: %1; teams: %2</source>
        <translation>记录中的人员：%1 人；队伍：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Stations sent: %1</source>
        <translation>派出站点：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Kit out: %1</source>
        <translation>出动装备：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Problems found:</source>
        <translation>发现的问题：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Corrective actions:</source>
        <translation>整改措施：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Written by %1 at %2</source>
        <translation>%1 填写于 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Drill coordinator (signature)</source>
        <translation>演练组织者（签字）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Evaluator (signature)</source>
        <translation>评估人（签字）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Leader in charge (signature)</source>
        <translation>带班领导（签字）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Date</source>
        <translation>年    月    日</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>%1 dispatches: %2 from outside the station's circle, %3 late or not on scene.</source>
        <translation>派遣 %1 次：%2 次来自服务圈外，%3 次超时或未到场。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>replayed time window</source>
        <translation>时段回放</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>On scene: by who was sent — a service station's volunteers at the door ≤ %1, a station with its own response time (the sand depot's 20-minute circle, the micro fire station) ≤ that time; first report by the severity's deadline.</source>
        <translation>到场目标按派出力量确定：服务站志愿者到门 ≤ %1；有自身响应时限的站点（沙场 20 分钟响应圈、微型消防站）按其时限；初报按事件级别时限。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Measured: from when things happened (occurred); as recorded: from when the duty room logged them — shown when the two differ.</source>
        <translation>“实测”按事情实际发生的时间计算，“按记录”按值班室录入的时间计算，两者不同时一并列出。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Dispatches: distance and circle</source>
        <translation>派遣：距离与服务圈</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Participants and resources</source>
        <translation>参演人员与资源</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Problems found and corrective actions</source>
        <translation>问题与整改</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Sign-off</source>
        <translation>签字确认</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>REPLAY</source>
        <translation>回放</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>%1 (target by who was sent, from %2)</source>
        <translation>%1（目标按派出力量，自%2起）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>First report (deadline by severity)</source>
        <translation>初报（按级别时限）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>target ≤ %1</source>
        <translation>目标 ≤ %1</translation>
    </message>
</context>
<context>
    <name>AlertBanner</name>
    <message>
        <location filename="../../desktop/views/alert_banner.py" line="81"/>
        <source>LIVE</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../desktop/views/alert_banner.py" line="65"/>
        <source>Back to live (%1)</source>
        <translation>返回实时 (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/alert_banner.py" line="47"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../desktop/views/alert_banner.py" line="65"/>
        <source>Severity raised</source>
        <translation>级别上调</translation>
    </message>
    <message>
        <location filename="../../desktop/views/alert_banner.py" line="65"/>
        <source>New incident</source>
        <translation>新接报</translation>
    </message>
    <message>
        <location filename="../../desktop/views/alert_banner.py" line="66"/>
        <source>EXERCISE</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../desktop/views/alert_banner.py" line="79"/>
        <source> (+%1 more)</source>
        <translation>（另有 %1 条）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/alert_banner.py" line="82"/>
        <source> · sound muted until %1</source>
        <translation> · 声音已静音至 %1</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/app.py" line="226"/>
        <source>Back to live</source>
        <translation>返回实时</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="201"/>
        <source>Duty leader</source>
        <translation>带班领导</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="59"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="70"/>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="74"/>
        <source>Officer</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="76"/>
        <source>Target, reason or detail</source>
        <translation>对象、事由或详情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="77"/>
        <source>Apply</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="78"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="78"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="95"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="115"/>
        <source>Sign in as duty leader or administrator to read the audit log.</source>
        <translation>请以带班领导或管理员身份签到后查看审计日志。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/audit_view.py" line="124"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>共 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="129"/>
        <source>Recording unavailable: %1</source>
        <translation>记录不可用：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="131"/>
        <source>Only the duty leader and the administrator may read the audit log.</source>
        <translation>只有带班领导和管理员可以查看审计日志。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="139"/>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="140"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="156"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../desktop/views/qt_audit_model.py" line="28"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_audit_model.py" line="28"/>
        <source>Officer</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_audit_model.py" line="28"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_audit_model.py" line="28"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_audit_model.py" line="29"/>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_audit_model.py" line="29"/>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_audit_model.py" line="29"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_audit_model.py" line="1"/>
        <source>Host · OS account</source>
        <translation>主机 · 系统账号</translation>
    </message>
</context>
<context>
    <name>ChangePinDialog</name>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="235"/>
        <source>Change my PIN</source>
        <translation>修改本人口令</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="243"/>
        <source>Current PIN</source>
        <translation>当前口令</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="244"/>
        <source>New PIN (6+ digits) or password</source>
        <translation>新口令（6 位以上数字）或密码</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="245"/>
        <source>Again</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="247"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="257"/>
        <source>The two new PINs differ.</source>
        <translation>两次输入的新口令不一致。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="267"/>
        <source>Your new PIN is set.</source>
        <translation>新口令已生效。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="273"/>
        <source>Too many wrong PINs: locked until %1.</source>
        <translation>口令错误次数过多：锁定至 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="276"/>
        <source>The current PIN is wrong.</source>
        <translation>当前口令不正确。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="280"/>
        <source>The new PIN must differ from the current one.</source>
        <translation>新口令不能与当前口令相同。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="282"/>
        <source>Sign in first.</source>
        <translation>请先签到。</translation>
    </message>
</context>
<context>
    <name>DailyReportExport</name>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="223"/>
        <source>Sign in to export the daily report.</source>
        <translation>请签到后导出值班日报。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="228"/>
        <source>Daily report PDF</source>
        <translation>值班日报 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="230"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="259"/>
        <source>Not exported: recording is unavailable (%1)</source>
        <translation>未导出：记录不可用（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="261"/>
        <source>Not exported: %1</source>
        <translation>未导出：%1</translation>
    </message>
</context>
<context>
    <name>DailyReportPdf</name>
    <message numerus="yes">
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>%n incident(s) of the day, </source>
        <translation>
            <numerusform>当日事件共 %n 起，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>%n open: </source>
        <translation>
            <numerusform>未办结 %n 起：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="65"/>
        <source>… and %1 more</source>
        <translation>……另有 %1 条</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="68"/>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="74"/>
        <source>no leader</source>
        <translation>缺带班领导</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="76"/>
        <source>%1 leader %2, officers %3</source>
        <translation>%1 带班领导 %2，值班员 %3</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="78"/>
        <source>No duty shift on the roster.</source>
        <translation>排班表中无值班班次。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="92"/>
        <source>[EXERCISE] </source>
        <translation>【演练】</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="99"/>
        <source>Received</source>
        <translation>接报时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="99"/>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="100"/>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="100"/>
        <source>Stage now</source>
        <translation>当前阶段</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/daily_report_pdf.py" line="102"/>
        <source>%n incident(s) received: </source>
        <translation>
            <numerusform>共接报 %n 起：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="116"/>
        <source>Not kept for past days: the replica holds only the present readiness.</source>
        <translation>往日不提供：数据副本只保存当前的就绪状态。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="127"/>
        <source>■ Not ready</source>
        <translation>■ 未就绪</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="127"/>
        <source>▲ Degraded</source>
        <translation>▲ 部分就绪</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="132"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="132"/>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="133"/>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="153"/>
        <source>(corrects #%1)</source>
        <translation>（更正第 %1 条）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="156"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="156"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="157"/>
        <source>Entry</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="157"/>
        <source>Officer</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="166"/>
        <source>Daily duty report %1</source>
        <translation>值班日报 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="171"/>
        <source>Zero report: no emergency was received on this day.</source>
        <translation>零报告：本日未接报突发事件。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="174"/>
        <source>Incidents received</source>
        <translation>接报事件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="175"/>
        <source>Warnings in force</source>
        <translation>预警信息</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="176"/>
        <source>Stations not ready (at %1)</source>
        <translation>未就绪站点（截至 %1）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="178"/>
        <source>Staffing gaps ahead</source>
        <translation>值班缺口</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="179"/>
        <source>Duty log</source>
        <translation>值班日志</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="183"/>
        <source>Duty officer (signature): ____________    Duty leader (signature): ____________</source>
        <translation>值班员（签字）：____________    带班领导（签字）：____________</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="186"/>
        <source>Daily duty report</source>
        <translation>值班日报</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="188"/>
        <source>Compiled by %1 at %2</source>
        <translation>填报人 %1 · 填报时间 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="190"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页 / 共 %2 页</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>(carried over)</source>
        <translation>（前日未结）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>%1 by %2</source>
        <translation>%1 %2 前</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>Next deadline</source>
        <translation>下一时限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>shift handover: </source>
        <translation>交班记录：</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>taken over by %1 at %2</source>
        <translation>%1 于 %2 接班</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>not yet taken over</source>
        <translation>尚未接班</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>%1 handed over by %2 (%3): %4</source>
        <translation>%1 %2 交班（%3）：%4</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>Incidents of the day</source>
        <translation>当日事件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>Handovers</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>Duty officer (signature)</source>
        <translation>值班员（签字）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>Duty leader (signature)</source>
        <translation>带班领导（签字）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>Date</source>
        <translation>年    月    日</translation>
    </message>
</context>
<context>
    <name>DeskBadge</name>
    <message>
        <location filename="../../desktop/views/desk_badge.py" line="96"/>
        <source>Nobody signed in · contacts masked</source>
        <translation>未签到 · 联系方式已遮蔽</translation>
    </message>
    <message>
        <location filename="../../desktop/views/desk_badge.py" line="97"/>
        <source>Sign in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../desktop/views/desk_badge.py" line="102"/>
        <source>Sign out</source>
        <translation>签退</translation>
    </message>
    <message>
        <location filename="../../desktop/views/desk_badge.py" line="108"/>
        <source>▲ Store restored from a backup</source>
        <translation>▲ 本地记录已从备份恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/views/desk_badge.py" line="114"/>
        <source>■ Recording unavailable</source>
        <translation>■ 记录不可用</translation>
    </message>
    <message>
        <location filename="../../desktop/views/store_watch.py" line="1"/>
        <source>The workstation store was restored from an older copy while the dashboard ran: the lists were reloaded from it</source>
        <translation>值班台记录库在程序运行期间被较早的副本覆盖（已恢复）：列表已按其重新加载</translation>
    </message>
    <message>
        <location filename="../../desktop/views/store_watch.py" line="1"/>
        <source>The workstation store was replaced by another one while the dashboard ran: the lists were reloaded from it</source>
        <translation>值班台记录库在程序运行期间被另一个记录库替换：列表已按其重新加载</translation>
    </message>
    <message>
        <location filename="../../desktop/views/store_watch.py" line="1"/>
        <source>; %1 was signed out: that store does not know them</source>
        <translation>；%1 已签退：该记录库中没有此人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/store_watch.py" line="1"/>
        <source>%1 OS account %2 on %3: %4 (%5)</source>
        <translation>%1 系统账号 %2（主机 %3）：%4（%5）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/desk_badge.py" line="1"/>
        <source>▲ %n break-glass act(s) at the command line since an administrator last signed in</source>
        <translation>
            <numerusform>▲ 自管理员上次签到以来，命令行紧急越权操作 %n 次</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DutyLogDialog</name>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="54"/>
        <source>Duty log</source>
        <translation>值班日志</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="59"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="67"/>
        <source>Filter entries…</source>
        <translation>筛选日志…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="98"/>
        <source>no link</source>
        <translation>不关联</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="98"/>
        <source>incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="99"/>
        <source>station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="99"/>
        <source>person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="102"/>
        <source>code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="107"/>
        <source>What happened: calls received, instructions relayed, checks done…</source>
        <translation>记录内容：接听来电、传达指示、检查巡查…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="116"/>
        <source>Correct selected…</source>
        <translation>更正所选…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="117"/>
        <source>Cancel correction</source>
        <translation>取消更正</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="119"/>
        <location filename="../../desktop/views/duty_log.py" line="191"/>
        <source>Add entry</source>
        <translation>添加记录</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/duty_log.py" line="148"/>
        <source>%n entries</source>
        <translation>
            <numerusform>共 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="153"/>
        <source>Recording unavailable: %1</source>
        <translation>记录不可用：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="171"/>
        <source>Select the entry to correct.</source>
        <translation>请先选择要更正的记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="174"/>
        <source>Entry #%1 was already corrected: correct #%2 instead.</source>
        <translation>第 %1 条已被更正：请更正第 %2 条。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="183"/>
        <source>Save correction</source>
        <translation>保存更正</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="185"/>
        <source>Correcting entry #%1: the original stays in the log.</source>
        <translation>正在更正第 %1 条：原记录仍保留在日志中。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="212"/>
        <source>Sign in to write in the duty log.</source>
        <translation>请签到后填写值班日志。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="218"/>
        <source>Write the entry first.</source>
        <translation>请先填写记录内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="1"/>
        <source>Not saved: %1.</source>
        <translation>未保存：%1。</translation>
    </message>
</context>
<context>
    <name>DutyLogTableModel</name>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="30"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="30"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="30"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="30"/>
        <source>Entry</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="31"/>
        <source>Linked to</source>
        <translation>关联</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="31"/>
        <source>Officer</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="31"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="35"/>
        <source>corrected by #%1</source>
        <translation>已由第 %1 条更正</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="37"/>
        <source>corrects #%1</source>
        <translation>更正第 %1 条</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="61"/>
        <source>Recorded %1</source>
        <translation>记录于 %1</translation>
    </message>
</context>
<context>
    <name>Equipment</name>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="27"/>
        <source>in service</source>
        <translation>在位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="28"/>
        <source>dispatched</source>
        <translation>已派出</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="29"/>
        <source>faulty</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="30"/>
        <source>scrapped</source>
        <translation>已报废</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="31"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="32"/>
        <source>fault found</source>
        <translation>发现问题</translation>
    </message>
</context>
<context>
    <name>EquipmentTableModel</name>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="57"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="57"/>
        <source>Kind</source>
        <translation>品种</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="57"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="57"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="58"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="58"/>
        <source>Last inspected</source>
        <translation>最近检查</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="58"/>
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="59"/>
        <source>Made</source>
        <translation>生产日期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="59"/>
        <source>Last serviced</source>
        <translation>最近维保</translation>
    </message>
</context>
<context>
    <name>FeatureDetails</name>
    <message>
        <location filename="../../desktop/views/map/map_details.py" line="30"/>
        <source>Reveal…</source>
        <translation>查看完整信息…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/map/map_details.py" line="31"/>
        <source>Show this person&apos;s full record (checked and recorded)</source>
        <translation>显示此人的完整信息（核验权限并留痕）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/map/map_details.py" line="33"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Fonts</name>
    <message>
        <location filename="../../desktop/views/i18n.py" line="44"/>
        <source>No Chinese font installed: Chinese text cannot be shown or printed</source>
        <translation>未安装中文字体：无法显示或打印中文</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="65"/>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="75"/>
        <source>Open items for the incoming shift</source>
        <translation>移交接班人员的未完事项</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="79"/>
        <source>Hand over (outgoing officer)</source>
        <translation>交班（交班人）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="81"/>
        <source>Hand over</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="87"/>
        <source>Remarks on taking over (optional)</source>
        <translation>接班说明（可选）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="92"/>
        <source>Acknowledge package and notes (incoming officer)</source>
        <translation>确认交接内容与事项（接班人）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="94"/>
        <source>Take over</source>
        <translation>接班</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="100"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="113"/>
        <source>Outgoing and incoming shift</source>
        <translation>交班与接班班次</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="114"/>
        <source>Open incidents</source>
        <translation>未结事件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="115"/>
        <source>Stations not fully ready</source>
        <translation>未完全就绪站点</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="116"/>
        <source>Staffing gaps ahead</source>
        <translation>值班缺口</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="117"/>
        <source>Active warnings</source>
        <translation>生效预警</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="120"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="130"/>
        <source>Open items written by the outgoing officer</source>
        <translation>交班人填写的未完事项</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="137"/>
        <source>Waiting for the first situation…</source>
        <translation>正在等待首次态势数据…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="153"/>
        <source>No handover is waiting to be acknowledged.</source>
        <translation>没有待确认的交接班记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="161"/>
        <source>No handover written yet.</source>
        <translation>尚无交接班记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="162"/>
        <source>Handed over by %1 at %2</source>
        <translation>交班人 %1，交班时间 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="166"/>
        <source>not yet acknowledged</source>
        <translation>尚未确认接班</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="167"/>
        <source>taken over by %1 at %2</source>
        <translation>接班人 %1，接班时间 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="174"/>
        <source>Outgoing officer: sign in to hand over.</source>
        <translation>交班人：请签到后交班。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="190"/>
        <source>The incoming officer signs in and acknowledges on the Take over tab.</source>
        <translation>请接班人签到，并在“接班”页确认。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="196"/>
        <source>Incoming officer: sign in to take over.</source>
        <translation>接班人：请签到后接班。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="222"/>
        <source>The incoming officer must sign in: the writer cannot acknowledge their own handover.</source>
        <translation>请接班人签到：交班人不能确认自己的交接班记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="224"/>
        <source>The handover changed since it was shown: read it again.</source>
        <translation>交接班记录在显示后已变化：请重新阅读。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="225"/>
        <source>This handover was already acknowledged.</source>
        <translation>该交接班记录已确认。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="228"/>
        <source>Recording unavailable: %1</source>
        <translation>记录不可用：%1</translation>
    </message>
</context>
<context>
    <name>HandoverPdf</name>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="36"/>
        <source>Outgoing and incoming shift</source>
        <translation>交班与接班班次</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="37"/>
        <source>Open incidents</source>
        <translation>未结事件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="38"/>
        <source>Stations not fully ready</source>
        <translation>未完全就绪站点</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="39"/>
        <source>Staffing gaps ahead</source>
        <translation>值班缺口</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="40"/>
        <source>Active warnings</source>
        <translation>生效预警</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="47"/>
        <location filename="../../desktop/views/handover_pdf.py" line="70"/>
        <source>Shift handover record</source>
        <translation>交接班记录</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="53"/>
        <location filename="../../desktop/views/handover_pdf.py" line="55"/>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="54"/>
        <source>Open items written by the outgoing officer</source>
        <translation>交班人填写的未完事项</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="56"/>
        <source>Handed over by %1 at %2</source>
        <translation>交班人：%1&#x3000;交班时间：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="60"/>
        <source>Not yet acknowledged by the incoming officer.</source>
        <translation>接班人尚未确认。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="63"/>
        <source>Taken over by %1 at %2</source>
        <translation>接班人：%1&#x3000;接班时间：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="67"/>
        <source>Remarks: %1</source>
        <translation>接班说明：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="68"/>
        <source>Record #%1 · SHA-256 %2</source>
        <translation>记录编号 %1 · SHA-256 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="72"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页 / 共 %2 页</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="92"/>
        <source>Handover record PDF</source>
        <translation>交接班记录 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="94"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="104"/>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../desktop/views/header.py" line="75"/>
        <source>Live %1</source>
        <translation>实时 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/header.py" line="35"/>
        <location filename="../../desktop/views/header.py" line="72"/>
        <source>Street duty room</source>
        <translation>街道应急值班室</translation>
    </message>
    <message>
        <location filename="../../desktop/views/header.py" line="47"/>
        <location filename="../../desktop/views/header.py" line="116"/>
        <source>Connecting to the replica…</source>
        <translation>正在连接数据副本…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/header.py" line="77"/>
        <source>warning</source>
        <translation>预警</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/header.py" line="94"/>
        <source>Data problems: %n</source>
        <translation>
            <numerusform>数据问题：%n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/header.py" line="100"/>
        <source>▶ REPLAY</source>
        <translation>▶ 演练回放</translation>
    </message>
    <message>
        <location filename="../../desktop/views/header.py" line="113"/>
        <source>● LIVE</source>
        <translation>● 实时</translation>
    </message>
    <message>
        <location filename="../../desktop/views/header.py" line="121"/>
        <source>■ DATA STALE since %1 (replica unreadable)</source>
        <translation>■ 数据未更新 自 %1（副本无法读取）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/header.py" line="170"/>
        <source> · upstream lag %1 s</source>
        <translation> · 上游延迟 %1 秒</translation>
    </message>
    <message>
        <location filename="../../desktop/views/header.py" line="123"/>
        <source>■ DATA STALE since %1</source>
        <translation>■ 数据未更新 自 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/header.py" line="1"/>
        <source>■ DATA STALE since %1: the replica&apos;s schema (%2) is newer than this program; update the program</source>
        <translation>■ 数据未更新 自 %1：副本的数据结构版本（%2）比本程序新，请更新程序</translation>
    </message>
    <message>
        <location filename="../../desktop/views/header.py" line="1"/>
        <source>■ DATA STALE since %1: the replica&apos;s schema (%2) is older than this program; run &apos;dutyroom replica migrate&apos;</source>
        <translation>■ 数据未更新 自 %1：副本的数据结构版本（%2）比本程序旧，请运行 &apos;dutyroom replica migrate&apos;</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>%1-%2-%3</source>
        <translation>%1年%2月%3日</translation>
    </message>
    <message>
        <source>SOUND OFF</source>
        <translation>声音不可用</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="58"/>
        <source>Import data into the replica</source>
        <translation>导入数据到副本</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="69"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="71"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="82"/>
        <source>From the columns</source>
        <translation>按列名判断</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="86"/>
        <source>Declared in the file</source>
        <translation>以文件声明为准</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="87"/>
        <source>WGS-84 (GPS)</source>
        <translation>WGS-84（GPS）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="88"/>
        <source>CGCS2000 (platform, 天地图)</source>
        <translation>CGCS2000（省平台、天地图）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="89"/>
        <source>GCJ-02 (Gaode, Tencent): converted</source>
        <translation>GCJ-02（高德、腾讯）：将转换</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="90"/>
        <source>BD-09 (Baidu): converted</source>
        <translation>BD-09（百度）：将转换</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="91"/>
        <source>Export of the provincial platform (CGCS2000)</source>
        <translation>省平台导出文件（CGCS2000）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="92"/>
        <source>Load the valid rows, skip the invalid ones</source>
        <translation>导入有效行，跳过有错误的行</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="93"/>
        <source>Repair self-touching polygons</source>
        <translation>修复自相交的多边形</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="95"/>
        <source>layer key, e.g. districts</source>
        <translation>图层代码，如 districts</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="97"/>
        <source>name of a new layer, e.g. 区县界</source>
        <translation>新图层名称，如 区县界</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="99"/>
        <source>Kind</source>
        <translation>数据类别</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="100"/>
        <source>Datum</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="101"/>
        <source>Layer (features)</source>
        <translation>图层（图层要素）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="102"/>
        <source>New layer name</source>
        <translation>新图层名称</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="121"/>
        <source>Add files, then check them.</source>
        <translation>请添加文件，然后先检查。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="127"/>
        <source>Check (dry run)</source>
        <translation>检查（试导入）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="129"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="131"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="149"/>
        <source>Grids, communities, streets</source>
        <translation>网格、社区、街道</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="149"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="150"/>
        <source>Stations</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="150"/>
        <source>Equipment</source>
        <translation>装备物资</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="151"/>
        <source>Duty roster</source>
        <translation>值班表</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="151"/>
        <source>Drills</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="152"/>
        <source>Map features</source>
        <translation>图层要素</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="152"/>
        <source>Incidents</source>
        <translation>突发事件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="153"/>
        <source>Incident events</source>
        <translation>事件过程</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="171"/>
        <source>Files to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="172"/>
        <source>Data files (*.csv *.xlsx *.geojson *.json);;All files (*)</source>
        <translation>数据文件 (*.csv *.xlsx *.geojson *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="232"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="232"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="251"/>
        <source>Check passed: %1 rows read, %2 would be new or changed; %3 errors, %4 warnings. Press Import to write them.</source>
        <translation>检查通过：已读取 %1 行，其中 %2 行将新增或变更；错误 %3 个，警告 %4 个。按“导入”写入副本。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="254"/>
        <source>Nothing can be imported: %3 errors, %4 warnings in %1 rows read. Correct the files and check again.</source>
        <translation>无法导入：已读取 %1 行，错误 %3 个，警告 %4 个。请修改文件后重新检查。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="259"/>
        <source>Imported: %1 rows read, %2 new or changed; %3 errors, %4 warnings.</source>
        <translation>已导入：读取 %1 行，新增或变更 %2 行；错误 %3 个，警告 %4 个。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="262"/>
        <source>Nothing was imported: %3 errors, %4 warnings.</source>
        <translation>未导入任何数据：错误 %3 个，警告 %4 个。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="272"/>
        <source>The import could not run: %1</source>
        <translation>导入无法进行：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="99"/>
        <source>Overwrite rows changed in the replica after the export (each is listed)</source>
        <translation>覆盖导出后副本中已被修改的行（逐行列出）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="283"/>
        <source>%1: %2 new, %3 changed, %4 unchanged, %5 refused (changed in the replica after the export), %6 overwritten</source>
        <translation>%1：新增 %2，变更 %3，未变 %4，拒绝 %5（导出后副本中已被修改），强制覆盖 %6</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="1"/>
        <source>Hand over for import</source>
        <translation>交写入账号导入</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="1"/>
        <source>Check passed: %1 rows read, %2 would be new or changed; %3 errors, %4 warnings. Press Hand over for import: the writer account imports them.</source>
        <translation>检查通过：读取 %1 行，其中 %2 行将新增或更新；%3 个错误，%4 个警告。请按“交写入账号导入”，由写入账号导入。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="1"/>
        <source>Check passed: %1 rows read, %2 would be new or changed; %3 errors, %4 warnings. This dashboard does not write the replica: run &apos;dutyroom replica import&apos; as the writer account (or set import_drop_folder).</source>
        <translation>检查通过：读取 %1 行，其中 %2 行将新增或更新；%3 个错误，%4 个警告。本值班台不写副本：请以写入账号运行 &apos;dutyroom replica import&apos;（或设置 import_drop_folder）。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="1"/>
        <source>Handing over…</source>
        <translation>正在移交…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="1"/>
        <source>Handed over to the drop folder %1: the writer account&apos;s &apos;dutyroom sync --watch&apos; imports the files (%2 file(s)).</source>
        <translation>已移交到投递文件夹 %1：由写入账号的 &apos;dutyroom sync --watch&apos; 导入（%2 个文件）。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="1"/>
        <source>Imported by the writer account (&apos;dutyroom replica import&apos;): %1</source>
        <translation>已由写入账号导入（&apos;dutyroom replica import&apos;）：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="1"/>
        <source>The writer account&apos;s import refused the files (exit code %1): %2</source>
        <translation>写入账号的导入拒绝了这些文件（退出码 %1）：%2</translation>
    </message>
</context>
<context>
    <name>ImportReportModel</name>
    <message>
        <location filename="../../desktop/views/qt_import_report_model.py" line="32"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_import_report_model.py" line="32"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_import_report_model.py" line="32"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_import_report_model.py" line="32"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_import_report_model.py" line="38"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_import_report_model.py" line="38"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_import_report_model.py" line="46"/>
        <source>… and %1 more changes</source>
        <translation>……另有 %1 处变更</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_import_report_model.py" line="57"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_import_report_model.py" line="58"/>
        <source>Problem or change</source>
        <translation>问题或变更</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_import_report_model.py" line="64"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_import_report_model.py" line="66"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
</context>
<context>
    <name>IncidentPanel</name>
    <message>
        <location filename="../../desktop/views/incident_panel.py" line="18"/>
        <source>Open incidents</source>
        <translation>未结事件</translation>
    </message>
    <message>
        <source>%1/%2 · every %3 s</source>
        <translation>%1/%2 · 每 %3 秒翻页</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../desktop/views/qt_incident_model.py" line="59"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_incident_model.py" line="59"/>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_incident_model.py" line="59"/>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_incident_model.py" line="59"/>
        <source>Deadline</source>
        <translation>报送时限</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_incident_model.py" line="60"/>
        <source>Received</source>
        <translation>接报</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_incident_model.py" line="72"/>
        <source>[EXERCISE] </source>
        <translation>[演练] </translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
</context>
<context>
    <name>InspectionTableModel</name>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="69"/>
        <source>Inspected</source>
        <translation>检查时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="69"/>
        <source>Item</source>
        <translation>装备</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="69"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="69"/>
        <source>Inspector</source>
        <translation>检查人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="70"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>KpiTiles</name>
    <message>
        <location filename="../../desktop/views/kpi_tiles.py" line="39"/>
        <source>On duty now</source>
        <translation>当前在岗</translation>
    </message>
    <message>
        <location filename="../../desktop/views/kpi_tiles.py" line="40"/>
        <source>Stations ready</source>
        <translation>站点就绪</translation>
    </message>
    <message>
        <location filename="../../desktop/views/kpi_tiles.py" line="41"/>
        <source>Stations not ready</source>
        <translation>站点未就绪</translation>
    </message>
    <message>
        <location filename="../../desktop/views/kpi_tiles.py" line="42"/>
        <source>Open incidents</source>
        <translation>未结事件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/kpi_tiles.py" line="51"/>
        <source>Leader %1 · readiness %2</source>
        <translation>带班 %1 · 备勤 %2</translation>
    </message>
    <message>
        <source>of %1 stations</source>
        <translation>共 %1 站</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/views/main_window.py" line="36"/>
        <source>Street Duty Room</source>
        <translation>街道应急值班指挥台</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="48"/>
        <source>Grid map</source>
        <translation>网格一张图</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="140"/>
        <source>Data problems</source>
        <translation>数据问题</translation>
    </message>
</context>
<context>
    <name>OfficerTableModel</name>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="61"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="61"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="61"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="61"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="72"/>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="74"/>
        <source>locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="76"/>
        <source>active</source>
        <translation>可用</translation>
    </message>
</context>
<context>
    <name>OfficersDialog</name>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="87"/>
        <source>Officers</source>
        <translation>值班人员账号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="112"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="113"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="114"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="115"/>
        <source>PIN (6+ digits) or password</source>
        <translation>口令（6 位以上数字）或密码</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="116"/>
        <source>Again</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="119"/>
        <source>Enrol / update</source>
        <translation>登记 / 更新</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="120"/>
        <source>Reset PIN</source>
        <translation>重置口令</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="121"/>
        <source>Disable / enable</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="139"/>
        <source>Sign in as administrator to manage officers.</source>
        <translation>请以管理员身份签到后管理值班人员账号。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/officers_dialog.py" line="146"/>
        <source>%n officer(s)</source>
        <translation>
            <numerusform>共 %n 个账号</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="168"/>
        <source>The two PINs differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="188"/>
        <source>%1 enrolled</source>
        <translation>已登记 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="196"/>
        <source>New PIN set for %1</source>
        <translation>已为 %1 重置口令</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="201"/>
        <source>Choose an officer in the list first.</source>
        <translation>请先在列表中选择一个账号。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="205"/>
        <source>%1 enabled</source>
        <translation>已启用 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="205"/>
        <source>%1 disabled</source>
        <translation>已停用 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="48"/>
        <source>A PIN needs at least %1 digits, a password at least %2 characters.</source>
        <translation>口令至少 %1 位数字，密码至少 %2 个字符。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="212"/>
        <source>The last active administrator cannot be disabled.</source>
        <translation>不能停用最后一个可用的管理员账号。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="214"/>
        <source>No officer with this login.</source>
        <translation>没有这个登录名。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="216"/>
        <source>Only an administrator may manage officers.</source>
        <translation>只有管理员可以管理值班人员账号。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="218"/>
        <source>Recording unavailable: %1</source>
        <translation>无法记录：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="220"/>
        <source>Fill in the login, the name and the role.</source>
        <translation>请填写登录名、姓名和角色。</translation>
    </message>
</context>
<context>
    <name>OperatorActions</name>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="50"/>
        <source>Duty desk</source>
        <translation>值班台</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="53"/>
        <source>Sign in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="54"/>
        <source>Duty log</source>
        <translation>值班日志</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="55"/>
        <source>Handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="56"/>
        <source>Reveal leader&apos;s phone</source>
        <translation>查看带班领导电话</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="57"/>
        <source>Daily report</source>
        <translation>值班日报</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="58"/>
        <source>六有 sheets</source>
        <translation>六有检查表</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="59"/>
        <source>Week roster</source>
        <translation>本周排班</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="60"/>
        <source>Audit</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="61"/>
        <source>Mute alert sound</source>
        <translation>告警静音</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="62"/>
        <source>Officers</source>
        <translation>值班人员账号</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="63"/>
        <source>Change my PIN</source>
        <translation>修改本人口令</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="82"/>
        <source>The duty desk is still opening</source>
        <translation>值班台正在打开，请稍候</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="265"/>
        <source>Alert sound muted until %1</source>
        <translation>告警声音已静音至 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="267"/>
        <source>Alert sound on again</source>
        <translation>告警声音已恢复</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../desktop/views/printing/fonts.py" line="26"/>
        <source>No Chinese font is installed, so the PDF would show empty boxes instead of Chinese text: install a Simplified Chinese font (on Debian: fonts-wqy-microhei) and export again.</source>
        <translation>未安装中文字体，导出的 PDF 中文会显示为空白方框：请安装简体中文字体（Debian：fonts-wqy-microhei）后重新导出。</translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <source>Bookmarks…</source>
        <translation>书签与备注…</translation>
    </message>
    <message>
        <source>Bookmark %1</source>
        <translation>书签 %1</translation>
    </message>
    <message>
        <source>Sign in to keep the bookmarks.</source>
        <translation>登录后保存书签。</translation>
    </message>
    <message>
        <source>Recording is unavailable: bookmarks cannot be kept.</source>
        <translation>记录不可用：书签无法保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="46"/>
        <source>Replay</source>
        <translation>演练回放</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="51"/>
        <source>Replay drill</source>
        <translation>回放演练</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="55"/>
        <source>Replay window</source>
        <translation>回放时段</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="57"/>
        <source>■ Back to live</source>
        <translation>■ 返回实时</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="61"/>
        <source>or from</source>
        <translation>或从</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="62"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="69"/>
        <source>◀ Step</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="71"/>
        <location filename="../../desktop/views/replay_bar.py" line="129"/>
        <source>▶ Play</source>
        <translation>▶ 播放</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="73"/>
        <source>Step ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="85"/>
        <source>★ Bookmark</source>
        <translation>★ 书签</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="90"/>
        <source>After-action PDF…</source>
        <translation>演练总结 PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="129"/>
        <source>‖ Pause</source>
        <translation>‖ 暂停</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="148"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="155"/>
        <source>Loading the replay…</source>
        <translation>正在载入回放…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="158"/>
        <source>Replay failed: %1</source>
        <translation>回放失败：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="171"/>
        <source>The window must end after it starts</source>
        <translation>结束时间须晚于开始时间</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="173"/>
        <source>Time window</source>
        <translation>时段回放</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="188"/>
        <source>Save after-action summary</source>
        <translation>保存演练总结</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="196"/>
        <source>After-action summary</source>
        <translation>演练总结</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="198"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="1"/>
        <source>Sign in to export the after-action summary.</source>
        <translation>请先签到，再导出演练总结。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="1"/>
        <source>Problems and actions…</source>
        <translation>问题与整改…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="1"/>
        <source>Recording is unavailable: findings cannot be saved.</source>
        <translation>工作站记录不可用：无法保存问题与整改。</translation>
    </message>
</context>
<context>
    <name>ReplayWatermark</name>
    <message>
        <location filename="../../desktop/views/replay_watermark.py" line="40"/>
        <source>REPLAY</source>
        <translation>演练回放</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="49"/>
        <source>Reveal a contact</source>
        <translation>查看完整联系方式</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="53"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="57"/>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="59"/>
        <location filename="../../desktop/views/reveal_dialog.py" line="118"/>
        <source>masked</source>
        <translation>已遮蔽</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="68"/>
        <source>Each reveal is recorded with your name, the time and the reason.</source>
        <translation>每次查看都会记录您的姓名、时间和事由。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="73"/>
        <source>Reveal</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="88"/>
        <source>Sign in to reveal this contact.</source>
        <translation>请签到后查看该联系方式。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="92"/>
        <source>Fetching…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="111"/>
        <source>Masked again in %1 s</source>
        <translation>%1 秒后重新遮蔽</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="119"/>
        <source>Masked again. Reveal again if needed (recorded again).</source>
        <translation>已重新遮蔽。如需再次查看，将再次记录。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="126"/>
        <source>Not revealed: recording is unavailable (%1)</source>
        <translation>未显示：记录不可用（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="128"/>
        <source>Not revealed: your role may not reveal this contact.</source>
        <translation>未显示：您的角色无权查看该联系方式。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="130"/>
        <location filename="../../desktop/views/reveal_dialog.py" line="133"/>
        <source>Not revealed: %1</source>
        <translation>未显示：%1</translation>
    </message>
</context>
<context>
    <name>RosterPanel</name>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="30"/>
        <source>Duty roster</source>
        <translation>值班安排</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="32"/>
        <source>Week view</source>
        <translation>本周排班</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="51"/>
        <source>no shift on the roster</source>
        <translation>未排班</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="54"/>
        <source>no leader</source>
        <translation>无带班领导</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="58"/>
        <source>Leader</source>
        <translation>带班领导</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="59"/>
        <source>Officers</source>
        <translation>值班员</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="73"/>
        <source>Staffing gaps, next 72 h</source>
        <translation>72小时内排班缺口</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="83"/>
        <source>skills covered</source>
        <translation>技能齐备</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="88"/>
        <source>skills short</source>
        <translation>技能不足</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="94"/>
        <source>Now</source>
        <translation>本班</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="95"/>
        <source>Next</source>
        <translation>下一班</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="97"/>
        <source>24-hour readiness</source>
        <translation>24小时备勤</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="103"/>
        <source>professional %1 · cadres and militia %2</source>
        <translation>专业队员 %1 · 干部民兵 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="1"/>
        <source>Team %1: professional %2 · cadres and militia %3 · party members %4 (%5%)</source>
        <translation>应急队伍 %1 人：专业救援 %2 · 社区干部和基干民兵 %3 · 党员 %4 人（%5%）</translation>
    </message>
</context>
<context>
    <name>RosterWeekDialog</name>
    <message>
        <location filename="../../desktop/views/roster_week.py" line="24"/>
        <source>Roster for the week</source>
        <translation>本周值班表</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_week.py" line="34"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_week.py" line="48"/>
        <source>Could not load the roster: %1</source>
        <translation>无法加载排班：%1</translation>
    </message>
</context>
<context>
    <name>RosterWeekModel</name>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="45"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="47"/>
        <source>24-hour readiness</source>
        <translation>24小时备勤</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="48"/>
        <source>Shift %1</source>
        <translation>第%1班</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="52"/>
        <source>no leader</source>
        <translation>无带班领导</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="67"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="87"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="87"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="87"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="87"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="87"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="88"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="88"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>SheetsDialog</name>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="1"/>
        <source>Sheets for</source>
        <translation>检查表范围</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="1"/>
        <source>As of (end of day)</source>
        <translation>截至日期（当日终了）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="42"/>
        <source>Compliance sheets (六有)</source>
        <translation>“六有”检查表</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="46"/>
        <source>The street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="47"/>
        <source>All stations, one PDF</source>
        <translation>全部站点（一份 PDF）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="52"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="53"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="55"/>
        <source>Preview and print…</source>
        <translation>预览并打印…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="74"/>
        <source>Folder for the PDF</source>
        <translation>PDF 保存位置</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="91"/>
        <source>Scoring…</source>
        <translation>评分中…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="125"/>
        <source>Written %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="131"/>
        <source>Cancelled: nothing was written.</source>
        <translation>已取消：未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="133"/>
        <source>Not exported: %1</source>
        <translation>未导出：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="1"/>
        <source>Not exported: recording is unavailable.</source>
        <translation>未导出：工作站记录不可用。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="1"/>
        <source>Sign in to export the compliance sheets.</source>
        <translation>请先签到，再导出“六有”检查表。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="1"/>
        <source>Printed, but not recorded: %1</source>
        <translation>已打印，但未能记录：%1</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="173"/>
        <source>%1 may not do this: %2</source>
        <translation>%1 无此权限：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="176"/>
        <source>Not permitted</source>
        <translation>无权操作</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="44"/>
        <source>Sign in at the duty desk</source>
        <translation>值班签到</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="47"/>
        <source>Recorded actions carry the name of the officer signed in here.</source>
        <translation>需要记录的操作将以在此签到人员的姓名登记。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="55"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="58"/>
        <source>PIN or password</source>
        <translation>PIN 码或密码</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="59"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="60"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="67"/>
        <source>Sign in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="98"/>
        <source>Enter your name and PIN.</source>
        <translation>请输入姓名和 PIN 码。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="102"/>
        <source>Checking…</source>
        <translation>正在核验…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="118"/>
        <source>Name or PIN not recognised.</source>
        <translation>姓名或 PIN 码不正确。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/sign_in.py" line="120"/>
        <source>%n attempt(s) left before the name is locked.</source>
        <translation>
            <numerusform>再错 %n 次将锁定该账号。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="123"/>
        <source>Too many wrong attempts: locked until %1.</source>
        <translation>错误次数过多：已锁定至 %1。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="130"/>
        <source>Sign-in failed: %1</source>
        <translation>签到失败：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="135"/>
        <source>Recording is unavailable, so nobody can sign in: %1</source>
        <translation>记录不可用，暂时无法签到：%1</translation>
    </message>
</context>
<context>
    <name>StationDetailDialog</name>
    <message>
        <location filename="../../desktop/views/station_detail.py" line="60"/>
        <source>Filter (kind, code, status…)</source>
        <translation>筛选（品种、编号、状态…）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/station_detail.py" line="67"/>
        <source>Equipment</source>
        <translation>装备</translation>
    </message>
    <message>
        <location filename="../../desktop/views/station_detail.py" line="68"/>
        <source>Inspection history</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../../desktop/views/station_detail.py" line="70"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/station_detail.py" line="82"/>
        <source>%1 items · %2 inspections</source>
        <translation>%1 件装备 · %2 条检查记录</translation>
    </message>
    <message>
        <location filename="../../desktop/views/station_detail.py" line="88"/>
        <source>Could not load the station: %1</source>
        <translation>无法加载站点：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/station_detail.py" line="1"/>
        <source>Covers %1 compounds, %2 self-built housing areas, %3 shops</source>
        <translation>服务覆盖：小区 %1 个、自建房片区 %2 个、经营性场所 %3 家</translation>
    </message>
    <message>
        <location filename="../../desktop/views/station_detail.py" line="1"/>
        <source>%1 automated sand trucks, %2 t sand and gravel reserve</source>
        <translation>自动化运砂车 %1 辆，砂石储备 %2 吨</translation>
    </message>
    <message>
        <location filename="../../desktop/views/station_detail.py" line="1"/>
        <source>%1 members, %2 per shift</source>
        <translation>队员 %1 人，每班 %2 人</translation>
    </message>
    <message>
        <location filename="../../desktop/views/station_detail.py" line="1"/>
        <source>partner: %1</source>
        <translation>共建单位：%1</translation>
    </message>
</context>
<context>
    <name>StationPanel</name>
    <message>
        <location filename="../../desktop/views/station_panel.py" line="19"/>
        <source>Emergency service stations</source>
        <translation>应急服务站</translation>
    </message>
    <message>
        <source>%1 other stations %2</source>
        <translation>其余 %1 站 %2</translation>
    </message>
</context>
<context>
    <name>StationTableModel</name>
    <message>
        <location filename="../../desktop/views/qt_station_model.py" line="31"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_station_model.py" line="31"/>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_station_model.py" line="31"/>
        <source>Kit</source>
        <translation>装备</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_station_model.py" line="31"/>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../desktop/views/theme.py" line="30"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../desktop/views/theme.py" line="31"/>
        <source>Degraded</source>
        <translation>部分就绪</translation>
    </message>
    <message>
        <location filename="../../desktop/views/theme.py" line="32"/>
        <source>Not ready</source>
        <translation>未就绪</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <location filename="../../desktop/views/timeline_panel.py" line="33"/>
        <source>Incident timeline</source>
        <translation>事件时间线</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline_panel.py" line="40"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline_panel.py" line="42"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline_panel.py" line="44"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline_panel.py" line="45"/>
        <source>Open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline_panel.py" line="45"/>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline_panel.py" line="47"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline_panel.py" line="59"/>
        <location filename="../../desktop/views/timeline_panel.py" line="123"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>TimelinePlot</name>
    <message>
        <location filename="../../desktop/views/qt_timeline_plot.py" line="135"/>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_timeline_plot.py" line="189"/>
        <source>[EXERCISE] </source>
        <translation>[演练] </translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_timeline_plot.py" line="242"/>
        <source>occurred %1</source>
        <translation>发生 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_timeline_plot.py" line="244"/>
        <source>recorded %1</source>
        <translation>记录 %1</translation>
    </message>
</context>
<context>
    <name>WallDeskOverlay</name>
    <message>
        <source>Sign in and acknowledge</source>
        <translation>签到并确认</translation>
    </message>
    <message>
        <source>↑↓ officer · digits PIN · Enter · Esc</source>
        <translation>↑↓ 选择值班员 · 数字键输入 PIN · 回车确认 · Esc 关闭</translation>
    </message>
    <message>
        <source>Officer: %1</source>
        <translation>值班员：%1</translation>
    </message>
    <message>
        <source>PIN: %1</source>
        <translation>PIN：%1</translation>
    </message>
    <message>
        <source>Choose your name and type your PIN.</source>
        <translation>请选择姓名并输入 PIN。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
    <message>
        <source>Signed in; alerts acknowledged.</source>
        <translation>已签到，告警已确认。</translation>
    </message>
    <message>
        <source>Name or PIN not recognised.</source>
        <translation>姓名或 PIN 不正确。</translation>
    </message>
    <message>
        <source>Too many wrong attempts: locked until %1.</source>
        <translation>错误次数过多：锁定至 %1。</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>未能签到：%1</translation>
    </message>
</context>
<context>
    <name>AuditedExport</name>
    <message>
        <location filename="../../desktop/views/printing/audited.py" line="1"/>
        <source>Not exported: recording is unavailable</source>
        <translation>未导出：无法记录（工作站记录不可用）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/printing/audited.py" line="1"/>
        <source>Not exported: %1</source>
        <translation>未导出：%1</translation>
    </message>
</context>
<context>
    <name>FindingsDialog</name>
    <message>
        <location filename="../../desktop/views/findings_dialog.py" line="1"/>
        <source>Problems found and corrective actions</source>
        <translation>问题与整改</translation>
    </message>
    <message>
        <location filename="../../desktop/views/findings_dialog.py" line="1"/>
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../desktop/views/findings_dialog.py" line="1"/>
        <source>Corrective actions</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../desktop/views/findings_dialog.py" line="1"/>
        <source>Sign in to save the findings.</source>
        <translation>请先签到，再保存问题与整改。</translation>
    </message>
    <message>
        <location filename="../../desktop/views/findings_dialog.py" line="1"/>
        <source>Each text holds at most %1 characters.</source>
        <translation>每项最多 %1 个字。</translation>
    </message>
</context>
<context>
    <name>BookmarksDialog</name>
    <message>
        <source>Bookmarks and notes</source>
        <translation>书签与备注</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>跳转</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>A note holds at most %1 characters.</source>
        <translation>备注最多 %1 个字。</translation>
    </message>
    <message>
        <source>Sign in to keep the bookmarks.</source>
        <translation>登录后保存书签。</translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <source>Incident %1</source>
        <translation>事件 %1</translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Who acted</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>Go to this event</source>
        <translation>跳转到此事件</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>* recorded later than it happened</source>
        <translation>* 录入晚于发生</translation>
    </message>
    <message>
        <source>distance unknown</source>
        <translation>距离未知</translation>
    </message>
    <message>
        <source>%1 m straight, inside its %2 m circle</source>
        <translation>直线 %1 米，在 %2 米服务圈内</translation>
    </message>
    <message>
        <source>%1 m straight, outside its %2 m circle</source>
        <translation>直线 %1 米，在 %2 米服务圈外</translation>
    </message>
</context>
<context>
    <name>TakeoverCard</name>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>EXERCISE</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>Severity raised</source>
        <translation>级别上调</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>New incident</source>
        <translation>新接报</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>Place: %1</source>
        <translation>地点：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>since received at %1</source>
        <translation>自 %1 接报</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>Reporting deadline: none running</source>
        <translation>报送时限：无</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>Dispatched: %1</source>
        <translation>已派遣：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>Dispatched: not yet</source>
        <translation>已派遣：尚无</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>standby in %1</source>
        <translation>%1 后返回待机</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>Next: %1 · %2 (%3 waiting)</source>
        <translation>下一起：%1 · %2（排队 %3 起）</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>Nearest ready station: the place is not located yet</source>
        <translation>最近就绪站点：位置尚未确定</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>Nearest ready station: …</source>
        <translation>最近就绪站点：…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>Nearest ready station: none ready</source>
        <translation>最近就绪站点：无就绪站点</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>inside its %1 m circle</source>
        <translation>在其 %1 米圈内</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>outside its %1 m circle</source>
        <translation>在其 %1 米圈外</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>Nearest ready station: %1 · %2 m · %3</source>
        <translation>最近就绪站点：%1 · %2 米 · %3</translation>
    </message>
</context>
<context>
    <name>FocusPane</name>
    <message>
        <location filename="../../desktop/views/focus_pane.py" line="1"/>
        <source>Roster for the week</source>
        <translation>本周排班</translation>
    </message>
    <message>
        <location filename="../../desktop/views/focus_pane.py" line="1"/>
        <source>Open incidents by community</source>
        <translation>各社区未结事件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/focus_pane.py" line="1"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../desktop/views/focus_pane.py" line="1"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../desktop/views/focus_pane.py" line="1"/>
        <source>Stations in detail</source>
        <translation>应急服务站详情</translation>
    </message>
    <message>
        <location filename="../../desktop/views/focus_pane.py" line="1"/>
        <source>Incidents by community</source>
        <translation>各社区事件</translation>
    </message>
    <message>
        <location filename="../../desktop/views/focus_pane.py" line="1"/>
        <source>Not placed</source>
        <translation>未定位</translation>
    </message>
    <message>
        <location filename="../../desktop/views/focus_pane.py" line="1"/>
        <source>rotation paused</source>
        <translation>轮播暂停</translation>
    </message>
    <message>
        <location filename="../../desktop/views/focus_pane.py" line="1"/>
        <source>next view in %1 s</source>
        <translation>%1 秒后切换</translation>
    </message>
</context>
</TS>
