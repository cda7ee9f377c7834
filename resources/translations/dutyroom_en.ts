<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AfterActionPdf</name>
    <message>
        <source>None were kept.</source>
        <translation>None were kept.</translation>
    </message>
    <message>
        <source>Moment</source>
        <translation>Moment</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>Bookmark</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Written by</translation>
    </message>
    <message>
        <source>Bookmarks and notes</source>
        <translation>Bookmarks and notes</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="41"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="46"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="54"/>
        <source>not reached</source>
        <translation>not reached</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="60"/>
        <source>missed (+%1)</source>
        <translation>missed (+%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="62"/>
        <source>met</source>
        <translation>met</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="65"/>
        <source>recorded: %1</source>
        <translation>recorded: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="71"/>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="73"/>
        <source>%1 (target %2 from %3)</source>
        <translation>%1 (target %2 from %3)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="82"/>
        <source>received %1</source>
        <translation>received %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="99"/>
        <source>Occurred</source>
        <translation>Occurred</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="99"/>
        <source>Recorded</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="100"/>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="100"/>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="101"/>
        <source>By (masked)</source>
        <translation>By (masked)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="128"/>
        <source>target</source>
        <translation>target</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="133"/>
        <source>Marks at the time each stage happened (Beijing time); dashed red ticks: target deadlines.</source>
        <translation>Marks at the time each stage happened (Beijing time); dashed red ticks: target deadlines.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="141"/>
        <source>%1 ≤ %2 (from %3)</source>
        <translation>%1 ≤ %2 (from %3)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="146"/>
        <source>%1 incidents, %2 measures: %3 met, %4 missed.</source>
        <translation>%1 incidents, %2 measures: %3 met, %4 missed.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="149"/>
        <source>After-action summary</source>
        <translation>After-action summary</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="152"/>
        <source>(Beijing time)</source>
        <translation>(Beijing time)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="154"/>
        <source>Response times against targets</source>
        <translation>Response times against targets</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="155"/>
        <source>Targets: </source>
        <translation>Targets: </translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="158"/>
        <source>Incident timeline</source>
        <translation>Incident timeline</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="160"/>
        <source>Event log</source>
        <translation>Event log</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="161"/>
        <source>* recorded later than it happened</source>
        <translation>* recorded later than it happened</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="167"/>
        <source>Data problems</source>
        <translation>Data problems</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="169"/>
        <source>Left out of the measures:</source>
        <translation>Left out of the measures:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="173"/>
        <source>None: every event of the drill was usable.</source>
        <translation>None: every event of the drill was usable.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="180"/>
        <source>EXERCISE</source>
        <translation>EXERCISE</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="181"/>
        <source>Printed %1 · personal data masked</source>
        <translation>Printed %1 · personal data masked</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="182"/>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>distance unknown (no position)</source>
        <translation>distance unknown (no position)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>%1 m, inside its %2-minute circle (%3 km)</source>
        <translation>%1 m, inside its %2-minute circle (%3 km)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>%1 m, outside its %2-minute circle (%3 km)</source>
        <translation>%1 m, outside its %2-minute circle (%3 km)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>%1 m, inside the %2 m circle</source>
        <translation>%1 m, inside the %2 m circle</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>%1 m, outside the %2 m circle</source>
        <translation>%1 m, outside the %2 m circle</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>along roads: not computed (no road network in the replica)</source>
        <translation>along roads: not computed (no road network in the replica)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>along roads: %1 m</source>
        <translation>along roads: %1 m</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>not on scene, target ≤ %1 (%2): ✗ not reached</source>
        <translation>not on scene, target ≤ %1 (%2): ✗ not reached</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>on scene in %1, target ≤ %2 (%3): ✓ met</source>
        <translation>on scene in %1, target ≤ %2 (%3): ✓ met</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>on scene in %1, target ≤ %2 (%3): ✗ missed (+%4)</source>
        <translation>on scene in %1, target ≤ %2 (%3): ✗ missed (+%4)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>(no station)</source>
        <translation>(no station)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Station sent</source>
        <translation>Station sent</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Straight-line distance and circle</source>
        <translation>Straight-line distance and circle</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Arrival against its target</source>
        <translation>Arrival against its target</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Attendance: %1 person-times</source>
        <translation>Attendance: %1 person-times</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>People in the log: %1; teams: %2</source>
        <translation>People in the log: %1; teams: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Stations sent: %1</source>
        <translation>Stations sent: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Kit out: %1</source>
        <translation>Kit out: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Problems found:</source>
        <translation>Problems found:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Corrective actions:</source>
        <translation>Corrective actions:</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Written by %1 at %2</source>
        <translation>Written by %1 at %2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Drill coordinator (signature)</source>
        <translation>Drill coordinator (signature)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Evaluator (signature)</source>
        <translation>Evaluator (signature)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Leader in charge (signature)</source>
        <translation>Leader in charge (signature)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>%1 dispatches: %2 from outside the station's circle, %3 late or not on scene.</source>
        <translation>%1 dispatches: %2 from outside the station's circle, %3 late or not on scene.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>replayed time window</source>
        <translation>replayed time window</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>On scene: by who was sent — a service station's volunteers at the door ≤ %1, a station with its own response time (the sand depot's 20-minute circle, the micro fire station) ≤ that time; first report by the severity's deadline.</source>
        <translation>On scene: by who was sent — a service station's volunteers at the door ≤ %1, a station with its own response time (the sand depot's 20-minute circle, the micro fire station) ≤ that time; first report by the severity's deadline.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Measured: from when things happened (occurred); as recorded: from when the duty room logged them — shown when the two differ.</source>
        <translation>Measured: from when things happened (occurred); as recorded: from when the duty room logged them — shown when the two differ.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Dispatches: distance and circle</source>
        <translation>Dispatches: distance and circle</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Participants and resources</source>
        <translation>Participants and resources</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Problems found and corrective actions</source>
        <translation>Problems found and corrective actions</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>Sign-off</source>
        <translation>Sign-off</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>REPLAY</source>
        <translation>REPLAY</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>%1 (target by who was sent, from %2)</source>
        <translation>%1 (target by who was sent, from %2)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>First report (deadline by severity)</source>
        <translation>First report (deadline by severity)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/after_action_pdf.py" line="1"/>
        <source>target ≤ %1</source>
        <translation>target ≤ %1</translation>
    </message>
</context>
<context>
    <name>AlertBanner</name>
    <message>
        <location filename="../../desktop/views/alert_banner.py" line="81"/>
        <source>LIVE</source>
        <translation>LIVE</translation>
    </message>
    <message>
        <location filename="../../desktop/views/alert_banner.py" line="65"/>
        <source>Back to live (%1)</source>
        <translation>Back to live (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/alert_banner.py" line="47"/>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <location filename="../../desktop/views/alert_banner.py" line="65"/>
        <source>Severity raised</source>
        <translation>Severity raised</translation>
    </message>
    <message>
        <location filename="../../desktop/views/alert_banner.py" line="65"/>
        <source>New incident</source>
        <translation>New incident</translation>
    </message>
    <message>
        <location filename="../../desktop/views/alert_banner.py" line="66"/>
        <source>EXERCISE</source>
        <translation>EXERCISE</translation>
    </message>
    <message>
        <location filename="../../desktop/views/alert_banner.py" line="79"/>
        <source> (+%1 more)</source>
        <translation> (+%1 more)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/alert_banner.py" line="82"/>
        <source> · sound muted until %1</source>
        <translation> · sound muted until %1</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/app.py" line="226"/>
        <source>Back to live</source>
        <translation>Back to live</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="201"/>
        <source>Duty leader</source>
        <translation>Duty leader</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="59"/>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="70"/>
        <source>All actions</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="74"/>
        <source>Officer</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="76"/>
        <source>Target, reason or detail</source>
        <translation>Target, reason or detail</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="77"/>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="78"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="78"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="95"/>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="115"/>
        <source>Sign in as duty leader or administrator to read the audit log.</source>
        <translation>Sign in as duty leader or administrator to read the audit log.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/audit_view.py" line="124"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="129"/>
        <source>Recording unavailable: %1</source>
        <translation>Recording unavailable: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="131"/>
        <source>Only the duty leader and the administrator may read the audit log.</source>
        <translation>Only the duty leader and the administrator may read the audit log.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="139"/>
        <source>Export the audit log</source>
        <translation>Export the audit log</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="140"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/audit_view.py" line="156"/>
        <source>Exported to %1</source>
        <translation>Exported to %1</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../desktop/views/qt_audit_model.py" line="28"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_audit_model.py" line="28"/>
        <source>Officer</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_audit_model.py" line="28"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_audit_model.py" line="28"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_audit_model.py" line="29"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_audit_model.py" line="29"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_audit_model.py" line="29"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_audit_model.py" line="1"/>
        <source>Host · OS account</source>
        <translation>Host · OS account</translation>
    </message>
</context>
<context>
    <name>ChangePinDialog</name>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="235"/>
        <source>Change my PIN</source>
        <translation>Change my PIN</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="243"/>
        <source>Current PIN</source>
        <translation>Current PIN</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="244"/>
        <source>New PIN (6+ digits) or password</source>
        <translation>New PIN (6+ digits) or password</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="245"/>
        <source>Again</source>
        <translation>Again</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="247"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="257"/>
        <source>The two new PINs differ.</source>
        <translation>The two new PINs differ.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="267"/>
        <source>Your new PIN is set.</source>
        <translation>Your new PIN is set.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="273"/>
        <source>Too many wrong PINs: locked until %1.</source>
        <translation>Too many wrong PINs: locked until %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="276"/>
        <source>The current PIN is wrong.</source>
        <translation>The current PIN is wrong.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="280"/>
        <source>The new PIN must differ from the current one.</source>
        <translation>The new PIN must differ from the current one.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="282"/>
        <source>Sign in first.</source>
        <translation>Sign in first.</translation>
    </message>
</context>
<context>
    <name>DailyReportExport</name>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="223"/>
        <source>Sign in to export the daily report.</source>
        <translation>Sign in to export the daily report.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="228"/>
        <source>Daily report PDF</source>
        <translation>Daily report PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="230"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="259"/>
        <source>Not exported: recording is unavailable (%1)</source>
        <translation>Not exported: recording is unavailable (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="261"/>
        <source>Not exported: %1</source>
        <translation>Not exported: %1</translation>
    </message>
</context>
<context>
    <name>DailyReportPdf</name>
    <message numerus="yes">
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>%n incident(s) of the day, </source>
        <translation>
            <numerusform>%n incident of the day, </numerusform>
            <numerusform>%n incidents of the day, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>%n open: </source>
        <translation>
            <numerusform>%n open: </numerusform>
            <numerusform>%n open: </numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="65"/>
        <source>… and %1 more</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="68"/>
        <source>None.</source>
        <translation>None.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="74"/>
        <source>no leader</source>
        <translation>no leader</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="76"/>
        <source>%1 leader %2, officers %3</source>
        <translation>%1 leader %2, officers %3</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="78"/>
        <source>No duty shift on the roster.</source>
        <translation>No duty shift on the roster.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="92"/>
        <source>[EXERCISE] </source>
        <translation>[EXERCISE] </translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="99"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="99"/>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="100"/>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="100"/>
        <source>Stage now</source>
        <translation>Stage now</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/daily_report_pdf.py" line="102"/>
        <source>%n incident(s) received: </source>
        <translation>
            <numerusform>%n incident received: </numerusform>
            <numerusform>%n incidents received: </numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="116"/>
        <source>Not kept for past days: the replica holds only the present readiness.</source>
        <translation>Not kept for past days: the replica holds only the present readiness.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="127"/>
        <source>■ Not ready</source>
        <translation>■ Not ready</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="127"/>
        <source>▲ Degraded</source>
        <translation>▲ Degraded</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="132"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="132"/>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="133"/>
        <source>Reasons</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="153"/>
        <source>(corrects #%1)</source>
        <translation>(corrects #%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="156"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="156"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="157"/>
        <source>Entry</source>
        <translation>Entry</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="157"/>
        <source>Officer</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="166"/>
        <source>Daily duty report %1</source>
        <translation>Daily duty report %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="171"/>
        <source>Zero report: no emergency was received on this day.</source>
        <translation>Zero report: no emergency was received on this day.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="174"/>
        <source>Incidents received</source>
        <translation>Incidents received</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="175"/>
        <source>Warnings in force</source>
        <translation>Warnings in force</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="176"/>
        <source>Stations not ready (at %1)</source>
        <translation>Stations not ready (at %1)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="178"/>
        <source>Staffing gaps ahead</source>
        <translation>Staffing gaps ahead</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="179"/>
        <source>Duty log</source>
        <translation>Duty log</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="183"/>
        <source>Duty officer (signature): ____________    Duty leader (signature): ____________</source>
        <translation>Duty officer (signature): ____________    Duty leader (signature): ____________</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="186"/>
        <source>Daily duty report</source>
        <translation>Daily duty report</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="188"/>
        <source>Compiled by %1 at %2</source>
        <translation>Compiled by %1 at %2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="190"/>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>(carried over)</source>
        <translation>(carried over)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>%1 by %2</source>
        <translation>%1 by %2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>Next deadline</source>
        <translation>Next deadline</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>shift handover: </source>
        <translation>shift handover: </translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>taken over by %1 at %2</source>
        <translation>taken over by %1 at %2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>not yet taken over</source>
        <translation>not yet taken over</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>%1 handed over by %2 (%3): %4</source>
        <translation>%1 handed over by %2 (%3): %4</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>Incidents of the day</source>
        <translation>Incidents of the day</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>Handovers</source>
        <translation>Handovers</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>Duty officer (signature)</source>
        <translation>Duty officer (signature)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>Duty leader (signature)</source>
        <translation>Duty leader (signature)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/daily_report_pdf.py" line="1"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>DeskBadge</name>
    <message>
        <location filename="../../desktop/views/desk_badge.py" line="96"/>
        <source>Nobody signed in · contacts masked</source>
        <translation>Nobody signed in · contacts masked</translation>
    </message>
    <message>
        <location filename="../../desktop/views/desk_badge.py" line="97"/>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../desktop/views/desk_badge.py" line="102"/>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../desktop/views/desk_badge.py" line="108"/>
        <source>▲ Store restored from a backup</source>
        <translation>▲ Store restored from a backup</translation>
    </message>
    <message>
        <location filename="../../desktop/views/desk_badge.py" line="114"/>
        <source>■ Recording unavailable</source>
        <translation>■ Recording unavailable</translation>
    </message>
    <message>
        <location filename="../../desktop/views/store_watch.py" line="1"/>
        <source>The workstation store was restored from an older copy while the dashboard ran: the lists were reloaded from it</source>
        <translation>The workstation store was restored from an older copy while the dashboard ran: the lists were reloaded from it</translation>
    </message>
    <message>
        <location filename="../../desktop/views/store_watch.py" line="1"/>
        <source>The workstation store was replaced by another one while the dashboard ran: the lists were reloaded from it</source>
        <translation>The workstation store was replaced by another one while the dashboard ran: the lists were reloaded from it</translation>
    </message>
    <message>
        <location filename="../../desktop/views/store_watch.py" line="1"/>
        <source>; %1 was signed out: that store does not know them</source>
        <translation>; %1 was signed out: that store does not know them</translation>
    </message>
    <message>
        <location filename="../../desktop/views/store_watch.py" line="1"/>
        <source>%1 OS account %2 on %3: %4 (%5)</source>
        <translation>%1 OS account %2 on %3: %4 (%5)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/desk_badge.py" line="1"/>
        <source>▲ %n break-glass act(s) at the command line since an administrator last signed in</source>
        <translation>
            <numerusform>▲ %n break-glass act at the command line since an administrator last signed in</numerusform>
            <numerusform>▲ %n break-glass acts at the command line since an administrator last signed in</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DutyLogDialog</name>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="54"/>
        <source>Duty log</source>
        <translation>Duty log</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="59"/>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="67"/>
        <source>Filter entries…</source>
        <translation>Filter entries…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="98"/>
        <source>no link</source>
        <translation>no link</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="98"/>
        <source>incident</source>
        <translation>incident</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="99"/>
        <source>station</source>
        <translation>station</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="99"/>
        <source>person</source>
        <translation>person</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="102"/>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="107"/>
        <source>What happened: calls received, instructions relayed, checks done…</source>
        <translation>What happened: calls received, instructions relayed, checks done…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="116"/>
        <source>Correct selected…</source>
        <translation>Correct selected…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="117"/>
        <source>Cancel correction</source>
        <translation>Cancel correction</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="119"/>
        <location filename="../../desktop/views/duty_log.py" line="191"/>
        <source>Add entry</source>
        <translation>Add entry</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/duty_log.py" line="148"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="153"/>
        <source>Recording unavailable: %1</source>
        <translation>Recording unavailable: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="171"/>
        <source>Select the entry to correct.</source>
        <translation>Select the entry to correct.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="174"/>
        <source>Entry #%1 was already corrected: correct #%2 instead.</source>
        <translation>Entry #%1 was already corrected: correct #%2 instead.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="183"/>
        <source>Save correction</source>
        <translation>Save correction</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="185"/>
        <source>Correcting entry #%1: the original stays in the log.</source>
        <translation>Correcting entry #%1: the original stays in the log.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="212"/>
        <source>Sign in to write in the duty log.</source>
        <translation>Sign in to write in the duty log.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="218"/>
        <source>Write the entry first.</source>
        <translation>Write the entry first.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/duty_log.py" line="1"/>
        <source>Not saved: %1.</source>
        <translation>Not saved: %1.</translation>
    </message>
</context>
<context>
    <name>DutyLogTableModel</name>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="30"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="30"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="30"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="30"/>
        <source>Entry</source>
        <translation>Entry</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="31"/>
        <source>Linked to</source>
        <translation>Linked to</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="31"/>
        <source>Officer</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="31"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="35"/>
        <source>corrected by #%1</source>
        <translation>corrected by #%1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="37"/>
        <source>corrects #%1</source>
        <translation>corrects #%1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_duty_log_model.py" line="61"/>
        <source>Recorded %1</source>
        <translation>Recorded %1</translation>
    </message>
</context>
<context>
    <name>Equipment</name>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="27"/>
        <source>in service</source>
        <translation>in service</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="28"/>
        <source>dispatched</source>
        <translation>dispatched</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="29"/>
        <source>faulty</source>
        <translation>faulty</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="30"/>
        <source>scrapped</source>
        <translation>scrapped</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="31"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="32"/>
        <source>fault found</source>
        <translation>fault found</translation>
    </message>
</context>
<context>
    <name>EquipmentTableModel</name>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="57"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="57"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="57"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="57"/>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="58"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="58"/>
        <source>Last inspected</source>
        <translation>Last inspected</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="58"/>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="59"/>
        <source>Made</source>
        <translation>Made</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="59"/>
        <source>Last serviced</source>
        <translation>Last serviced</translation>
    </message>
</context>
<context>
    <name>FeatureDetails</name>
    <message>
        <location filename="../../desktop/views/map/map_details.py" line="30"/>
        <source>Reveal…</source>
        <translation>Reveal…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/map/map_details.py" line="31"/>
        <source>Show this person&apos;s full record (checked and recorded)</source>
        <translation>Show this person&apos;s full record (checked and recorded)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/map/map_details.py" line="33"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Fonts</name>
    <message>
        <location filename="../../desktop/views/i18n.py" line="44"/>
        <source>No Chinese font installed: Chinese text cannot be shown or printed</source>
        <translation>No Chinese font installed: Chinese text cannot be shown or printed</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="65"/>
        <source>Shift handover</source>
        <translation>Shift handover</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="75"/>
        <source>Open items for the incoming shift</source>
        <translation>Open items for the incoming shift</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="79"/>
        <source>Hand over (outgoing officer)</source>
        <translation>Hand over (outgoing officer)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="81"/>
        <source>Hand over</source>
        <translation>Hand over</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="87"/>
        <source>Remarks on taking over (optional)</source>
        <translation>Remarks on taking over (optional)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="92"/>
        <source>Acknowledge package and notes (incoming officer)</source>
        <translation>Acknowledge package and notes (incoming officer)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="94"/>
        <source>Take over</source>
        <translation>Take over</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="100"/>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="113"/>
        <source>Outgoing and incoming shift</source>
        <translation>Outgoing and incoming shift</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="114"/>
        <source>Open incidents</source>
        <translation>Open incidents</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="115"/>
        <source>Stations not fully ready</source>
        <translation>Stations not fully ready</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="116"/>
        <source>Staffing gaps ahead</source>
        <translation>Staffing gaps ahead</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="117"/>
        <source>Active warnings</source>
        <translation>Active warnings</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="120"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="130"/>
        <source>Open items written by the outgoing officer</source>
        <translation>Open items written by the outgoing officer</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="137"/>
        <source>Waiting for the first situation…</source>
        <translation>Waiting for the first situation…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="153"/>
        <source>No handover is waiting to be acknowledged.</source>
        <translation>No handover is waiting to be acknowledged.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="161"/>
        <source>No handover written yet.</source>
        <translation>No handover written yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="162"/>
        <source>Handed over by %1 at %2</source>
        <translation>Handed over by %1 at %2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="166"/>
        <source>not yet acknowledged</source>
        <translation>not yet acknowledged</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="167"/>
        <source>taken over by %1 at %2</source>
        <translation>taken over by %1 at %2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="174"/>
        <source>Outgoing officer: sign in to hand over.</source>
        <translation>Outgoing officer: sign in to hand over.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="190"/>
        <source>The incoming officer signs in and acknowledges on the Take over tab.</source>
        <translation>The incoming officer signs in and acknowledges on the Take over tab.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="196"/>
        <source>Incoming officer: sign in to take over.</source>
        <translation>Incoming officer: sign in to take over.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="222"/>
        <source>The incoming officer must sign in: the writer cannot acknowledge their own handover.</source>
        <translation>The incoming officer must sign in: the writer cannot acknowledge their own handover.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="224"/>
        <source>The handover changed since it was shown: read it again.</source>
        <translation>The handover changed since it was shown: read it again.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="225"/>
        <source>This handover was already acknowledged.</source>
        <translation>This handover was already acknowledged.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_dialog.py" line="228"/>
        <source>Recording unavailable: %1</source>
        <translation>Recording unavailable: %1</translation>
    </message>
</context>
<context>
    <name>HandoverPdf</name>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="36"/>
        <source>Outgoing and incoming shift</source>
        <translation>Outgoing and incoming shift</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="37"/>
        <source>Open incidents</source>
        <translation>Open incidents</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="38"/>
        <source>Stations not fully ready</source>
        <translation>Stations not fully ready</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="39"/>
        <source>Staffing gaps ahead</source>
        <translation>Staffing gaps ahead</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="40"/>
        <source>Active warnings</source>
        <translation>Active warnings</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="47"/>
        <location filename="../../desktop/views/handover_pdf.py" line="70"/>
        <source>Shift handover record</source>
        <translation>Shift handover record</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="53"/>
        <location filename="../../desktop/views/handover_pdf.py" line="55"/>
        <source>None.</source>
        <translation>None.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="54"/>
        <source>Open items written by the outgoing officer</source>
        <translation>Open items written by the outgoing officer</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="56"/>
        <source>Handed over by %1 at %2</source>
        <translation>Handed over by %1 at %2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="60"/>
        <source>Not yet acknowledged by the incoming officer.</source>
        <translation>Not yet acknowledged by the incoming officer.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="63"/>
        <source>Taken over by %1 at %2</source>
        <translation>Taken over by %1 at %2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="67"/>
        <source>Remarks: %1</source>
        <translation>Remarks: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="68"/>
        <source>Record #%1 · SHA-256 %2</source>
        <translation>Record #%1 · SHA-256 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="72"/>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="92"/>
        <source>Handover record PDF</source>
        <translation>Handover record PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="94"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/handover_pdf.py" line="104"/>
        <source>Not printed</source>
        <translation>Not printed</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../desktop/views/header.py" line="75"/>
        <source>Live %1</source>
        <translation>Live %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/header.py" line="35"/>
        <location filename="../../desktop/views/header.py" line="72"/>
        <source>Street duty room</source>
        <translation>Street duty room</translation>
    </message>
    <message>
        <location filename="../../desktop/views/header.py" line="47"/>
        <location filename="../../desktop/views/header.py" line="116"/>
        <source>Connecting to the replica…</source>
        <translation>Connecting to the replica…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/header.py" line="77"/>
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/header.py" line="94"/>
        <source>Data problems: %n</source>
        <translation>
            <numerusform>Data problem: %n</numerusform>
            <numerusform>Data problems: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/header.py" line="100"/>
        <source>▶ REPLAY</source>
        <translation>▶ REPLAY</translation>
    </message>
    <message>
        <location filename="../../desktop/views/header.py" line="113"/>
        <source>● LIVE</source>
        <translation>● LIVE</translation>
    </message>
    <message>
        <location filename="../../desktop/views/header.py" line="121"/>
        <source>■ DATA STALE since %1 (replica unreadable)</source>
        <translation>■ DATA STALE since %1 (replica unreadable)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/header.py" line="170"/>
        <source> · upstream lag %1 s</source>
        <translation> · upstream lag %1 s</translation>
    </message>
    <message>
        <location filename="../../desktop/views/header.py" line="123"/>
        <source>■ DATA STALE since %1</source>
        <translation>■ DATA STALE since %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/header.py" line="1"/>
        <source>■ DATA STALE since %1: the replica&apos;s schema (%2) is newer than this program; update the program</source>
        <translation>■ DATA STALE since %1: the replica&apos;s schema (%2) is newer than this program; update the program</translation>
    </message>
    <message>
        <location filename="../../desktop/views/header.py" line="1"/>
        <source>■ DATA STALE since %1: the replica&apos;s schema (%2) is older than this program; run &apos;dutyroom replica migrate&apos;</source>
        <translation>■ DATA STALE since %1: the replica&apos;s schema (%2) is older than this program; run &apos;dutyroom replica migrate&apos;</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>%1-%2-%3</source>
        <translation>%1-%2-%3</translation>
    </message>
    <message>
        <source>SOUND OFF</source>
        <translation>SOUND OFF</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="58"/>
        <source>Import data into the replica</source>
        <translation>Import data into the replica</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="69"/>
        <source>Add files…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="71"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="82"/>
        <source>From the columns</source>
        <translation>From the columns</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="86"/>
        <source>Declared in the file</source>
        <translation>Declared in the file</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="87"/>
        <source>WGS-84 (GPS)</source>
        <translation>WGS-84 (GPS)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="88"/>
        <source>CGCS2000 (platform, 天地图)</source>
        <translation>CGCS2000 (platform, 天地图)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="89"/>
        <source>GCJ-02 (Gaode, Tencent): converted</source>
        <translation>GCJ-02 (Gaode, Tencent): converted</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="90"/>
        <source>BD-09 (Baidu): converted</source>
        <translation>BD-09 (Baidu): converted</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="91"/>
        <source>Export of the provincial platform (CGCS2000)</source>
        <translation>Export of the provincial platform (CGCS2000)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="92"/>
        <source>Load the valid rows, skip the invalid ones</source>
        <translation>Load the valid rows, skip the invalid ones</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="93"/>
        <source>Repair self-touching polygons</source>
        <translation>Repair self-touching polygons</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="95"/>
        <source>layer key, e.g. districts</source>
        <translation>layer key, e.g. districts</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="97"/>
        <source>name of a new layer, e.g. 区县界</source>
        <translation>name of a new layer, e.g. 区县界</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="99"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="100"/>
        <source>Datum</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="101"/>
        <source>Layer (features)</source>
        <translation>Layer (features)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="102"/>
        <source>New layer name</source>
        <translation>New layer name</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="121"/>
        <source>Add files, then check them.</source>
        <translation>Add files, then check them.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="127"/>
        <source>Check (dry run)</source>
        <translation>Check (dry run)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="129"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="131"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="149"/>
        <source>Grids, communities, streets</source>
        <translation>Grids, communities, streets</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="149"/>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="150"/>
        <source>Stations</source>
        <translation>Stations</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="150"/>
        <source>Equipment</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="151"/>
        <source>Duty roster</source>
        <translation>Duty roster</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="151"/>
        <source>Drills</source>
        <translation>Drills</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="152"/>
        <source>Map features</source>
        <translation>Map features</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="152"/>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="153"/>
        <source>Incident events</source>
        <translation>Incident events</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="171"/>
        <source>Files to import</source>
        <translation>Files to import</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="172"/>
        <source>Data files (*.csv *.xlsx *.geojson *.json);;All files (*)</source>
        <translation>Data files (*.csv *.xlsx *.geojson *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="232"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="232"/>
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="251"/>
        <source>Check passed: %1 rows read, %2 would be new or changed; %3 errors, %4 warnings. Press Import to write them.</source>
        <translation>Check passed: %1 rows read, %2 would be new or changed; %3 errors, %4 warnings. Press Import to write them.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="254"/>
        <source>Nothing can be imported: %3 errors, %4 warnings in %1 rows read. Correct the files and check again.</source>
        <translation>Nothing can be imported: %3 errors, %4 warnings in %1 rows read. Correct the files and check again.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="259"/>
        <source>Imported: %1 rows read, %2 new or changed; %3 errors, %4 warnings.</source>
        <translation>Imported: %1 rows read, %2 new or changed; %3 errors, %4 warnings.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="262"/>
        <source>Nothing was imported: %3 errors, %4 warnings.</source>
        <translation>Nothing was imported: %3 errors, %4 warnings.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="272"/>
        <source>The import could not run: %1</source>
        <translation>The import could not run: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="99"/>
        <source>Overwrite rows changed in the replica after the export (each is listed)</source>
        <translation>Overwrite rows changed in the replica after the export (each is listed)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="283"/>
        <source>%1: %2 new, %3 changed, %4 unchanged, %5 refused (changed in the replica after the export), %6 overwritten</source>
        <translation>%1: %2 new, %3 changed, %4 unchanged, %5 refused (changed in the replica after the export), %6 overwritten</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="1"/>
        <source>Hand over for import</source>
        <translation>Hand over for import</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="1"/>
        <source>Check passed: %1 rows read, %2 would be new or changed; %3 errors, %4 warnings. Press Hand over for import: the writer account imports them.</source>
        <translation>Check passed: %1 rows read, %2 would be new or changed; %3 errors, %4 warnings. Press Hand over for import: the writer account imports them.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="1"/>
        <source>Check passed: %1 rows read, %2 would be new or changed; %3 errors, %4 warnings. This dashboard does not write the replica: run &apos;dutyroom replica import&apos; as the writer account (or set import_drop_folder).</source>
        <translation>Check passed: %1 rows read, %2 would be new or changed; %3 errors, %4 warnings. This dashboard does not write the replica: run &apos;dutyroom replica import&apos; as the writer account (or set import_drop_folder).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="1"/>
        <source>Handing over…</source>
        <translation>Handing over…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="1"/>
        <source>Handed over to the drop folder %1: the writer account&apos;s &apos;dutyroom sync --watch&apos; imports the files (%2 file(s)).</source>
        <translation>Handed over to the drop folder %1: the writer account&apos;s &apos;dutyroom sync --watch&apos; imports the files (%2 file(s)).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="1"/>
        <source>Imported by the writer account (&apos;dutyroom replica import&apos;): %1</source>
        <translation>Imported by the writer account (&apos;dutyroom replica import&apos;): %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/import_dialog.py" line="1"/>
        <source>The writer account&apos;s import refused the files (exit code %1): %2</source>
        <translation>The writer account&apos;s import refused the files (exit code %1): %2</translation>
    </message>
</context>
<context>
    <name>ImportReportModel</name>
    <message>
        <location filename="../../desktop/views/qt_import_report_model.py" line="32"/>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_import_report_model.py" line="32"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_import_report_model.py" line="32"/>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_import_report_model.py" line="32"/>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_import_report_model.py" line="38"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_import_report_model.py" line="38"/>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_import_report_model.py" line="46"/>
        <source>… and %1 more changes</source>
        <translation>… and %1 more changes</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_import_report_model.py" line="57"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_import_report_model.py" line="58"/>
        <source>Problem or change</source>
        <translation>Problem or change</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_import_report_model.py" line="64"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_import_report_model.py" line="66"/>
        <source>New</source>
        <translation>New</translation>
    </message>
</context>
<context>
    <name>IncidentPanel</name>
    <message>
        <location filename="../../desktop/views/incident_panel.py" line="18"/>
        <source>Open incidents</source>
        <translation>Open incidents</translation>
    </message>
    <message>
        <source>%1/%2 · every %3 s</source>
        <translation>%1/%2 · every %3 s</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../desktop/views/qt_incident_model.py" line="59"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_incident_model.py" line="59"/>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_incident_model.py" line="59"/>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_incident_model.py" line="59"/>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_incident_model.py" line="60"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_incident_model.py" line="72"/>
        <source>[EXERCISE] </source>
        <translation>[EXERCISE] </translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
</context>
<context>
    <name>InspectionTableModel</name>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="69"/>
        <source>Inspected</source>
        <translation>Inspected</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="69"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="69"/>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="69"/>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_equipment_model.py" line="70"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>KpiTiles</name>
    <message>
        <location filename="../../desktop/views/kpi_tiles.py" line="39"/>
        <source>On duty now</source>
        <translation>On duty now</translation>
    </message>
    <message>
        <location filename="../../desktop/views/kpi_tiles.py" line="40"/>
        <source>Stations ready</source>
        <translation>Stations ready</translation>
    </message>
    <message>
        <location filename="../../desktop/views/kpi_tiles.py" line="41"/>
        <source>Stations not ready</source>
        <translation>Stations not ready</translation>
    </message>
    <message>
        <location filename="../../desktop/views/kpi_tiles.py" line="42"/>
        <source>Open incidents</source>
        <translation>Open incidents</translation>
    </message>
    <message>
        <location filename="../../desktop/views/kpi_tiles.py" line="51"/>
        <source>Leader %1 · readiness %2</source>
        <translation>Leader %1 · readiness %2</translation>
    </message>
    <message>
        <source>of %1 stations</source>
        <translation>of %1 stations</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/views/main_window.py" line="36"/>
        <source>Street Duty Room</source>
        <translation>Street Duty Room</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="48"/>
        <source>Grid map</source>
        <translation>Grid map</translation>
    </message>
    <message>
        <location filename="../../desktop/views/main_window.py" line="140"/>
        <source>Data problems</source>
        <translation>Data problems</translation>
    </message>
</context>
<context>
    <name>OfficerTableModel</name>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="61"/>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="61"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="61"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="61"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="72"/>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="74"/>
        <source>locked until %1</source>
        <translation>locked until %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="76"/>
        <source>active</source>
        <translation>active</translation>
    </message>
</context>
<context>
    <name>OfficersDialog</name>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="87"/>
        <source>Officers</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="112"/>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="113"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="114"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="115"/>
        <source>PIN (6+ digits) or password</source>
        <translation>PIN (6+ digits) or password</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="116"/>
        <source>Again</source>
        <translation>Again</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="119"/>
        <source>Enrol / update</source>
        <translation>Enrol / update</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="120"/>
        <source>Reset PIN</source>
        <translation>Reset PIN</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="121"/>
        <source>Disable / enable</source>
        <translation>Disable / enable</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="139"/>
        <source>Sign in as administrator to manage officers.</source>
        <translation>Sign in as administrator to manage officers.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/officers_dialog.py" line="146"/>
        <source>%n officer(s)</source>
        <translation>
            <numerusform>%n officer</numerusform>
            <numerusform>%n officers</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="168"/>
        <source>The two PINs differ.</source>
        <translation>The two PINs differ.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="188"/>
        <source>%1 enrolled</source>
        <translation>%1 enrolled</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="196"/>
        <source>New PIN set for %1</source>
        <translation>New PIN set for %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="201"/>
        <source>Choose an officer in the list first.</source>
        <translation>Choose an officer in the list first.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="205"/>
        <source>%1 enabled</source>
        <translation>%1 enabled</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="205"/>
        <source>%1 disabled</source>
        <translation>%1 disabled</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="48"/>
        <source>A PIN needs at least %1 digits, a password at least %2 characters.</source>
        <translation>A PIN needs at least %1 digits, a password at least %2 characters.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="212"/>
        <source>The last active administrator cannot be disabled.</source>
        <translation>The last active administrator cannot be disabled.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="214"/>
        <source>No officer with this login.</source>
        <translation>No officer with this login.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="216"/>
        <source>Only an administrator may manage officers.</source>
        <translation>Only an administrator may manage officers.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="218"/>
        <source>Recording unavailable: %1</source>
        <translation>Recording unavailable: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/officers_dialog.py" line="220"/>
        <source>Fill in the login, the name and the role.</source>
        <translation>Fill in the login, the name and the role.</translation>
    </message>
</context>
<context>
    <name>OperatorActions</name>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="50"/>
        <source>Duty desk</source>
        <translation>Duty desk</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="53"/>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="54"/>
        <source>Duty log</source>
        <translation>Duty log</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="55"/>
        <source>Handover</source>
        <translation>Handover</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="56"/>
        <source>Reveal leader&apos;s phone</source>
        <translation>Reveal leader&apos;s phone</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="57"/>
        <source>Daily report</source>
        <translation>Daily report</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="58"/>
        <source>六有 sheets</source>
        <translation>六有 sheets</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="59"/>
        <source>Week roster</source>
        <translation>Week roster</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="60"/>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="61"/>
        <source>Mute alert sound</source>
        <translation>Mute alert sound</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="62"/>
        <source>Officers</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="63"/>
        <source>Change my PIN</source>
        <translation>Change my PIN</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="82"/>
        <source>The duty desk is still opening</source>
        <translation>The duty desk is still opening</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="265"/>
        <source>Alert sound muted until %1</source>
        <translation>Alert sound muted until %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operator_actions.py" line="267"/>
        <source>Alert sound on again</source>
        <translation>Alert sound on again</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../desktop/views/printing/fonts.py" line="26"/>
        <source>No Chinese font is installed, so the PDF would show empty boxes instead of Chinese text: install a Simplified Chinese font (on Debian: fonts-wqy-microhei) and export again.</source>
        <translation>No Chinese font is installed, so the PDF would show empty boxes instead of Chinese text: install a Simplified Chinese font (on Debian: fonts-wqy-microhei) and export again.</translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <source>Bookmarks…</source>
        <translation>Bookmarks…</translation>
    </message>
    <message>
        <source>Bookmark %1</source>
        <translation>Bookmark %1</translation>
    </message>
    <message>
        <source>Sign in to keep the bookmarks.</source>
        <translation>Sign in to keep the bookmarks.</translation>
    </message>
    <message>
        <source>Recording is unavailable: bookmarks cannot be kept.</source>
        <translation>Recording is unavailable: bookmarks cannot be kept.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="46"/>
        <source>Replay</source>
        <translation>Replay</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="51"/>
        <source>Replay drill</source>
        <translation>Replay drill</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="55"/>
        <source>Replay window</source>
        <translation>Replay window</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="57"/>
        <source>■ Back to live</source>
        <translation>■ Back to live</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="61"/>
        <source>or from</source>
        <translation>or from</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="62"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="69"/>
        <source>◀ Step</source>
        <translation>◀ Step</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="71"/>
        <location filename="../../desktop/views/replay_bar.py" line="129"/>
        <source>▶ Play</source>
        <translation>▶ Play</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="73"/>
        <source>Step ▶</source>
        <translation>Step ▶</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="85"/>
        <source>★ Bookmark</source>
        <translation>★ Bookmark</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="90"/>
        <source>After-action PDF…</source>
        <translation>After-action PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="129"/>
        <source>‖ Pause</source>
        <translation>‖ Pause</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="148"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="155"/>
        <source>Loading the replay…</source>
        <translation>Loading the replay…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="158"/>
        <source>Replay failed: %1</source>
        <translation>Replay failed: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="171"/>
        <source>The window must end after it starts</source>
        <translation>The window must end after it starts</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="173"/>
        <source>Time window</source>
        <translation>Time window</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="188"/>
        <source>Save after-action summary</source>
        <translation>Save after-action summary</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="196"/>
        <source>After-action summary</source>
        <translation>After-action summary</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="198"/>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="1"/>
        <source>Sign in to export the after-action summary.</source>
        <translation>Sign in to export the after-action summary.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="1"/>
        <source>Problems and actions…</source>
        <translation>Problems and actions…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/replay_bar.py" line="1"/>
        <source>Recording is unavailable: findings cannot be saved.</source>
        <translation>Recording is unavailable: findings cannot be saved.</translation>
    </message>
</context>
<context>
    <name>ReplayWatermark</name>
    <message>
        <location filename="../../desktop/views/replay_watermark.py" line="40"/>
        <source>REPLAY</source>
        <translation>REPLAY</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="49"/>
        <source>Reveal a contact</source>
        <translation>Reveal a contact</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="53"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="57"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="59"/>
        <location filename="../../desktop/views/reveal_dialog.py" line="118"/>
        <source>masked</source>
        <translation>masked</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="68"/>
        <source>Each reveal is recorded with your name, the time and the reason.</source>
        <translation>Each reveal is recorded with your name, the time and the reason.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="73"/>
        <source>Reveal</source>
        <translation>Reveal</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="88"/>
        <source>Sign in to reveal this contact.</source>
        <translation>Sign in to reveal this contact.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="92"/>
        <source>Fetching…</source>
        <translation>Fetching…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="111"/>
        <source>Masked again in %1 s</source>
        <translation>Masked again in %1 s</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="119"/>
        <source>Masked again. Reveal again if needed (recorded again).</source>
        <translation>Masked again. Reveal again if needed (recorded again).</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="126"/>
        <source>Not revealed: recording is unavailable (%1)</source>
        <translation>Not revealed: recording is unavailable (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="128"/>
        <source>Not revealed: your role may not reveal this contact.</source>
        <translation>Not revealed: your role may not reveal this contact.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/reveal_dialog.py" line="130"/>
        <location filename="../../desktop/views/reveal_dialog.py" line="133"/>
        <source>Not revealed: %1</source>
        <translation>Not revealed: %1</translation>
    </message>
</context>
<context>
    <name>RosterPanel</name>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="30"/>
        <source>Duty roster</source>
        <translation>Duty roster</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="32"/>
        <source>Week view</source>
        <translation>Week view</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="51"/>
        <source>no shift on the roster</source>
        <translation>no shift on the roster</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="54"/>
        <source>no leader</source>
        <translation>no leader</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="58"/>
        <source>Leader</source>
        <translation>Leader</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="59"/>
        <source>Officers</source>
        <translation>Officers</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="73"/>
        <source>Staffing gaps, next 72 h</source>
        <translation>Staffing gaps, next 72 h</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="83"/>
        <source>skills covered</source>
        <translation>skills covered</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="88"/>
        <source>skills short</source>
        <translation>skills short</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="94"/>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="95"/>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="97"/>
        <source>24-hour readiness</source>
        <translation>24-hour readiness</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="103"/>
        <source>professional %1 · cadres and militia %2</source>
        <translation>professional %1 · cadres and militia %2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_panel.py" line="1"/>
        <source>Team %1: professional %2 · cadres and militia %3 · party members %4 (%5%)</source>
        <translation>Team %1: professional %2 · cadres and militia %3 · party members %4 (%5%)</translation>
    </message>
</context>
<context>
    <name>RosterWeekDialog</name>
    <message>
        <location filename="../../desktop/views/roster_week.py" line="24"/>
        <source>Roster for the week</source>
        <translation>Roster for the week</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_week.py" line="34"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/roster_week.py" line="48"/>
        <source>Could not load the roster: %1</source>
        <translation>Could not load the roster: %1</translation>
    </message>
</context>
<context>
    <name>RosterWeekModel</name>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="45"/>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="47"/>
        <source>24-hour readiness</source>
        <translation>24-hour readiness</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="48"/>
        <source>Shift %1</source>
        <translation>Shift %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="52"/>
        <source>no leader</source>
        <translation>no leader</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="67"/>
        <source>today</source>
        <translation>today</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="87"/>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="87"/>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="87"/>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="87"/>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="87"/>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="88"/>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_roster_week_model.py" line="88"/>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
</context>
<context>
    <name>SheetsDialog</name>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="1"/>
        <source>Sheets for</source>
        <translation>Sheets for</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="1"/>
        <source>As of (end of day)</source>
        <translation>As of (end of day)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="42"/>
        <source>Compliance sheets (六有)</source>
        <translation>Compliance sheets (六有)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="46"/>
        <source>The street</source>
        <translation>The street</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="47"/>
        <source>All stations, one PDF</source>
        <translation>All stations, one PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="52"/>
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="53"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="55"/>
        <source>Preview and print…</source>
        <translation>Preview and print…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="74"/>
        <source>Folder for the PDF</source>
        <translation>Folder for the PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="91"/>
        <source>Scoring…</source>
        <translation>Scoring…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="125"/>
        <source>Written %1</source>
        <translation>Written %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="131"/>
        <source>Cancelled: nothing was written.</source>
        <translation>Cancelled: nothing was written.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="133"/>
        <source>Not exported: %1</source>
        <translation>Not exported: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="1"/>
        <source>Not exported: recording is unavailable.</source>
        <translation>Not exported: recording is unavailable.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="1"/>
        <source>Sign in to export the compliance sheets.</source>
        <translation>Sign in to export the compliance sheets.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sheets_dialog.py" line="1"/>
        <source>Printed, but not recorded: %1</source>
        <translation>Printed, but not recorded: %1</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="173"/>
        <source>%1 may not do this: %2</source>
        <translation>%1 may not do this: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="176"/>
        <source>Not permitted</source>
        <translation>Not permitted</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="44"/>
        <source>Sign in at the duty desk</source>
        <translation>Sign in at the duty desk</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="47"/>
        <source>Recorded actions carry the name of the officer signed in here.</source>
        <translation>Recorded actions carry the name of the officer signed in here.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="55"/>
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="58"/>
        <source>PIN or password</source>
        <translation>PIN or password</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="59"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="60"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="67"/>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="98"/>
        <source>Enter your name and PIN.</source>
        <translation>Enter your name and PIN.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="102"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="118"/>
        <source>Name or PIN not recognised.</source>
        <translation>Name or PIN not recognised.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/views/sign_in.py" line="120"/>
        <source>%n attempt(s) left before the name is locked.</source>
        <translation>
            <numerusform>%n attempt left before the name is locked.</numerusform>
            <numerusform>%n attempts left before the name is locked.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="123"/>
        <source>Too many wrong attempts: locked until %1.</source>
        <translation>Too many wrong attempts: locked until %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="130"/>
        <source>Sign-in failed: %1</source>
        <translation>Sign-in failed: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sign_in.py" line="135"/>
        <source>Recording is unavailable, so nobody can sign in: %1</source>
        <translation>Recording is unavailable, so nobody can sign in: %1</translation>
    </message>
</context>
<context>
    <name>StationDetailDialog</name>
    <message>
        <location filename="../../desktop/views/station_detail.py" line="60"/>
        <source>Filter (kind, code, status…)</source>
        <translation>Filter (kind, code, status…)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/station_detail.py" line="67"/>
        <source>Equipment</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <location filename="../../desktop/views/station_detail.py" line="68"/>
        <source>Inspection history</source>
        <translation>Inspection history</translation>
    </message>
    <message>
        <location filename="../../desktop/views/station_detail.py" line="70"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../desktop/views/station_detail.py" line="82"/>
        <source>%1 items · %2 inspections</source>
        <translation>%1 items · %2 inspections</translation>
    </message>
    <message>
        <location filename="../../desktop/views/station_detail.py" line="88"/>
        <source>Could not load the station: %1</source>
        <translation>Could not load the station: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/station_detail.py" line="1"/>
        <source>Covers %1 compounds, %2 self-built housing areas, %3 shops</source>
        <translation>Covers %1 compounds, %2 self-built housing areas, %3 shops</translation>
    </message>
    <message>
        <location filename="../../desktop/views/station_detail.py" line="1"/>
        <source>%1 automated sand trucks, %2 t sand and gravel reserve</source>
        <translation>%1 automated sand trucks, %2 t sand and gravel reserve</translation>
    </message>
    <message>
        <location filename="../../desktop/views/station_detail.py" line="1"/>
        <source>%1 members, %2 per shift</source>
        <translation>%1 members, %2 per shift</translation>
    </message>
    <message>
        <location filename="../../desktop/views/station_detail.py" line="1"/>
        <source>partner: %1</source>
        <translation>partner: %1</translation>
    </message>
</context>
<context>
    <name>StationPanel</name>
    <message>
        <location filename="../../desktop/views/station_panel.py" line="19"/>
        <source>Emergency service stations</source>
        <translation>Emergency service stations</translation>
    </message>
    <message>
        <source>%1 other stations %2</source>
        <translation>%1 other stations %2</translation>
    </message>
</context>
<context>
    <name>StationTableModel</name>
    <message>
        <location filename="../../desktop/views/qt_station_model.py" line="31"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_station_model.py" line="31"/>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_station_model.py" line="31"/>
        <source>Kit</source>
        <translation>Kit</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_station_model.py" line="31"/>
        <source>Reasons</source>
        <translation>Reasons</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../desktop/views/theme.py" line="30"/>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../desktop/views/theme.py" line="31"/>
        <source>Degraded</source>
        <translation>Degraded</translation>
    </message>
    <message>
        <location filename="../../desktop/views/theme.py" line="32"/>
        <source>Not ready</source>
        <translation>Not ready</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <location filename="../../desktop/views/timeline_panel.py" line="33"/>
        <source>Incident timeline</source>
        <translation>Incident timeline</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline_panel.py" line="40"/>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline_panel.py" line="42"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline_panel.py" line="44"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline_panel.py" line="45"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline_panel.py" line="45"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline_panel.py" line="47"/>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <location filename="../../desktop/views/timeline_panel.py" line="59"/>
        <location filename="../../desktop/views/timeline_panel.py" line="123"/>
        <source>All</source>
        <translation>All</translation>
    </message>
</context>
<context>
    <name>TimelinePlot</name>
    <message>
        <location filename="../../desktop/views/qt_timeline_plot.py" line="135"/>
        <source>now</source>
        <translation>now</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_timeline_plot.py" line="189"/>
        <source>[EXERCISE] </source>
        <translation>[EXERCISE] </translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_timeline_plot.py" line="242"/>
        <source>occurred %1</source>
        <translation>occurred %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/qt_timeline_plot.py" line="244"/>
        <source>recorded %1</source>
        <translation>recorded %1</translation>
    </message>
</context>
<context>
    <name>WallDeskOverlay</name>
    <message>
        <source>Sign in and acknowledge</source>
        <translation>Sign in and acknowledge</translation>
    </message>
    <message>
        <source>↑↓ officer · digits PIN · Enter · Esc</source>
        <translation>↑↓ officer · digits PIN · Enter · Esc</translation>
    </message>
    <message>
        <source>Officer: %1</source>
        <translation>Officer: %1</translation>
    </message>
    <message>
        <source>PIN: %1</source>
        <translation>PIN: %1</translation>
    </message>
    <message>
        <source>Choose your name and type your PIN.</source>
        <translation>Choose your name and type your PIN.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Signed in; alerts acknowledged.</source>
        <translation>Signed in; alerts acknowledged.</translation>
    </message>
    <message>
        <source>Name or PIN not recognised.</source>
        <translation>Name or PIN not recognised.</translation>
    </message>
    <message>
        <source>Too many wrong attempts: locked until %1.</source>
        <translation>Too many wrong attempts: locked until %1.</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>Not signed in: %1</translation>
    </message>
</context>
<context>
    <name>AuditedExport</name>
    <message>
        <location filename="../../desktop/views/printing/audited.py" line="1"/>
        <source>Not exported: recording is unavailable</source>
        <translation>Not exported: recording is unavailable</translation>
    </message>
    <message>
        <location filename="../../desktop/views/printing/audited.py" line="1"/>
        <source>Not exported: %1</source>
        <translation>Not exported: %1</translation>
    </message>
</context>
<context>
    <name>FindingsDialog</name>
    <message>
        <location filename="../../desktop/views/findings_dialog.py" line="1"/>
        <source>Problems found and corrective actions</source>
        <translation>Problems found and corrective actions</translation>
    </message>
    <message>
        <location filename="../../desktop/views/findings_dialog.py" line="1"/>
        <source>Problems found</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <location filename="../../desktop/views/findings_dialog.py" line="1"/>
        <source>Corrective actions</source>
        <translation>Corrective actions</translation>
    </message>
    <message>
        <location filename="../../desktop/views/findings_dialog.py" line="1"/>
        <source>Sign in to save the findings.</source>
        <translation>Sign in to save the findings.</translation>
    </message>
    <message>
        <location filename="../../desktop/views/findings_dialog.py" line="1"/>
        <source>Each text holds at most %1 characters.</source>
        <translation>Each text holds at most %1 characters.</translation>
    </message>
</context>
<context>
    <name>BookmarksDialog</name>
    <message>
        <source>Bookmarks and notes</source>
        <translation>Bookmarks and notes</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>Go to</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>A note holds at most %1 characters.</source>
        <translation>A note holds at most %1 characters.</translation>
    </message>
    <message>
        <source>Sign in to keep the bookmarks.</source>
        <translation>Sign in to keep the bookmarks.</translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <source>Incident %1</source>
        <translation>Incident %1</translation>
    </message>
    <message>
        <source>Occurred</source>
        <translation>Occurred</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Who acted</source>
        <translation>Who acted</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>Go to this event</source>
        <translation>Go to this event</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>* recorded later than it happened</source>
        <translation>* recorded later than it happened</translation>
    </message>
    <message>
        <source>distance unknown</source>
        <translation>distance unknown</translation>
    </message>
    <message>
        <source>%1 m straight, inside its %2 m circle</source>
        <translation>%1 m straight, inside its %2 m circle</translation>
    </message>
    <message>
        <source>%1 m straight, outside its %2 m circle</source>
        <translation>%1 m straight, outside its %2 m circle</translation>
    </message>
</context>
<context>
    <name>TakeoverCard</name>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>EXERCISE</source>
        <translation>EXERCISE</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>Severity raised</source>
        <translation>Severity raised</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>New incident</source>
        <translation>New incident</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>Place: %1</source>
        <translation>Place: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>since received at %1</source>
        <translation>since received at %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>Reporting deadline: none running</source>
        <translation>Reporting deadline: none running</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>Dispatched: %1</source>
        <translation>Dispatched: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>Dispatched: not yet</source>
        <translation>Dispatched: not yet</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>standby in %1</source>
        <translation>standby in %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>Next: %1 · %2 (%3 waiting)</source>
        <translation>Next: %1 · %2 (%3 waiting)</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>Nearest ready station: the place is not located yet</source>
        <translation>Nearest ready station: the place is not located yet</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>Nearest ready station: …</source>
        <translation>Nearest ready station: …</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>Nearest ready station: none ready</source>
        <translation>Nearest ready station: none ready</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>inside its %1 m circle</source>
        <translation>inside its %1 m circle</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>outside its %1 m circle</source>
        <translation>outside its %1 m circle</translation>
    </message>
    <message>
        <location filename="../../desktop/views/takeover.py" line="1"/>
        <source>Nearest ready station: %1 · %2 m · %3</source>
        <translation>Nearest ready station: %1 · %2 m · %3</translation>
    </message>
</context>
<context>
    <name>FocusPane</name>
    <message>
        <location filename="../../desktop/views/focus_pane.py" line="1"/>
        <source>Roster for the week</source>
        <translation>Roster for the week</translation>
    </message>
    <message>
        <location filename="../../desktop/views/focus_pane.py" line="1"/>
        <source>Open incidents by community</source>
        <translation>Open incidents by community</translation>
    </message>
    <message>
        <location filename="../../desktop/views/focus_pane.py" line="1"/>
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../desktop/views/focus_pane.py" line="1"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../desktop/views/focus_pane.py" line="1"/>
        <source>Stations in detail</source>
        <translation>Stations in detail</translation>
    </message>
    <message>
        <location filename="../../desktop/views/focus_pane.py" line="1"/>
        <source>Incidents by community</source>
        <translation>Incidents by community</translation>
    </message>
    <message>
        <location filename="../../desktop/views/focus_pane.py" line="1"/>
        <source>Not placed</source>
        <translation>Not placed</translation>
    </message>
    <message>
        <location filename="../../desktop/views/focus_pane.py" line="1"/>
        <source>rotation paused</source>
        <translation>rotation paused</translation>
    </message>
    <message>
        <location filename="../../desktop/views/focus_pane.py" line="1"/>
        <source>next view in %1 s</source>
        <translation>next view in %1 s</translation>
    </message>
</context>
</TS>
