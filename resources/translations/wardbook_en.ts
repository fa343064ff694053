<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AuditDialog</name>
    <message numerus="yes">
        <source>%1: %n record(s)</source>
        <translation>
            <numerusform>%1: %n record</numerusform>
            <numerusform>%1: %n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other field(s)</source>
        <translation>
            <numerusform>%n other field</numerusform>
            <numerusform>%n other fields</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed attempt(s)</source>
        <translation>
            <numerusform>%n failed attempt</numerusform>
            <numerusform>%n failed attempts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CampaignBox</name>
    <message numerus="yes">
        <source>Before: %1, %n attempt(s)</source>
        <translation>
            <numerusform>Before: %1, %n attempt</numerusform>
            <numerusform>Before: %1, %n attempts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CampaignsPage</name>
    <message numerus="yes">
        <source>%n day(s) left; %1 households still to finish.</source>
        <translation>
            <numerusform>%n day left; %1 households still to finish.</numerusform>
            <numerusform>%n days left; %1 households still to finish.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FigureList</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message numerus="yes">
        <source>showing %1 of %n household(s)</source>
        <translation>
            <numerusform>showing %1 of %n household</numerusform>
            <numerusform>showing %1 of %n households</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n household(s)</source>
        <translation>
            <numerusform>%n household</numerusform>
            <numerusform>%n households</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message numerus="yes">
        <source>%n file(s) could not be applied yet: see the problems below.</source>
        <translation>
            <numerusform>%n file could not be applied yet: see the problems below.</numerusform>
            <numerusform>%n files could not be applied yet: see the problems below.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The station did not accept %n of this laptop&apos;s change(s): see the problems below.</source>
        <translation>
            <numerusform>The station did not accept %n of this laptop&apos;s changes: see the problems below.</numerusform>
            <numerusform>The station did not accept %n of this laptop&apos;s changes: see the problems below.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message numerus="yes">
        <source>+%n day(s)</source>
        <translation>
            <numerusform>+%n day</numerusform>
            <numerusform>+%n days</numerusform>
        </translation>
    </message>
</context>
</TS>
