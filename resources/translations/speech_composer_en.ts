<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>全文讲话约{0}（每分钟{1}字）</source>
        <translation>The speech takes about {0} to read ({1} characters a minute)</translation>
    </message>
    <message>
        <source>，目标{0}</source>
        <translation>, target {0}</translation>
    </message>
    <message>
        <source>，超出{0}</source>
        <translation>, {0} over</translation>
    </message>
    <message>
        <source>。在“讲稿信息”里设定目标时长和语速。</source>
        <translation>. Set the target time and the speaking rate in Speech details.</translation>
    </message>
    <message>
        <source>{0}，约{1}</source>
        <translation>{0}, about {1}</translation>
    </message>
    <message>
        <source>本节（含下级）{0}，约{1}</source>
        <translation>This section (with its subsections): {0}, about {1}</translation>
    </message>
    <message>
        <source>，占目标时长的 {0}</source>
        <translation>, {0} of the target time</translation>
    </message>
    <message>
        <source>。按目标平均分配，本节约{0}</source>
        <translation>. Its even share of the target is about {0}</translation>
    </message>
    <message>
        <source>。</source>
        <translation>.</translation>
    </message>
</context>
<context>
    <name>ArchiveCheck</name>
    <message>
        <source>无法读取存档讲稿：{0}</source>
        <translation>Cannot read the archived speeches: {0}</translation>
    </message>
    <message>
        <source>存档讲稿文件夹不存在：{0}</source>
        <translation>The archive folder does not exist: {0}</translation>
    </message>
    <message>
        <source>存档里有 {0} 个文件无法读取（{1}），查重时略过。</source>
        <translation>{0} file(s) in the archive cannot be read ({1}); they are left out of 查重.</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>以前保存的版本</source>
        <translation>Earlier Versions</translation>
    </message>
    <message>
        <source>打开文件夹</source>
        <translation>Open Folder</translation>
    </message>
    <message>
        <source>恢复此版本</source>
        <translation>Restore This Version</translation>
    </message>
    <message>
        <source>“{0}”以前保存过的版本（最新的在上）。恢复后可以撤销；保存之前不会写入文件。</source>
        <translation>Earlier saved versions of “{0}” (newest first). A restore can be undone; nothing is written to the file until you save.</translation>
    </message>
    <message>
        <source>这篇讲稿还没有保存过；下面是所有讲稿的备份（最新的在上）。</source>
        <translation>This speech has not been saved yet; these are the backups of all speeches (newest first).</translation>
    </message>
    <message>
        <source>（无法读取）</source>
        <translation>(cannot be read)</translation>
    </message>
    <message>
        <source>还没有备份。每次保存时，上一次保存的版本会留作备份。</source>
        <translation>No backups yet. Each save keeps the previously saved version as a backup.</translation>
    </message>
    <message>
        <source>{0} 字</source>
        <translation>{0} characters</translation>
    </message>
</context>
<context>
    <name>Borrowing</name>
    <message>
        <source>替换表…</source>
        <translation>Substitution Table…</translation>
    </message>
    <message>
        <source>把借用文字里别的单位的说法换成本单位的（我院 → 我局 …）</source>
        <translation>Turn another unit&apos;s wording in borrowed text into your own (我院 → 我局 …)</translation>
    </message>
    <message>
        <source>按替换表修改全文</source>
        <translation>Apply the Substitution Table to the Whole Speech</translation>
    </message>
    <message>
        <source>久未使用的素材排在前面</source>
        <translation>Snippets Not Used Recently First</translation>
    </message>
    <message>
        <source>修改替换表</source>
        <translation>Edit the substitution table</translation>
    </message>
    <message>
        <source>替换表已保存（{0} 项），随讲稿一起保存。</source>
        <translation>Substitution table set ({0} entries); it is saved with the speech.</translation>
    </message>
    <message>
        <source>替换表是空的：先在“替换表…”里填写要替换的说法。</source>
        <translation>The substitution table is empty: fill it in under “Substitution Table…” first.</translation>
    </message>
    <message>
        <source>讲稿里没有替换表中的文字，不需要修改。</source>
        <translation>The speech contains none of the table&apos;s texts; nothing to change.</translation>
    </message>
    <message>
        <source>（删去）</source>
        <translation>(delete)</translation>
    </message>
    <message>
        <source>{0} → {1}&#x3000;{2} 处</source>
        <translation>{0} → {1}  {2} places</translation>
    </message>
    <message>
        <source>将修改 {0} 处：

{1}

这是一步操作，可以撤销。继续吗？</source>
        <translation>{0} places will be changed:

{1}

This is one step and can be undone. Continue?</translation>
    </message>
    <message>
        <source>已按替换表修改 {0} 处。</source>
        <translation>Changed {0} places by the substitution table.</translation>
    </message>
</context>
<context>
    <name>BudgetFields</name>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>不设目标</source>
        <translation>no target</translation>
    </message>
    <message>
        <source>这篇讲话要讲多长时间；提纲按它标出超时的部分</source>
        <translation>How long this speech is to take; the outline marks the parts that run over</translation>
    </message>
    <message>
        <source> 字/分钟</source>
        <translation> characters/min</translation>
    </message>
    <message>
        <source>这位领导每分钟读多少字（常见 150～200）</source>
        <translation>How many characters a minute this speaker reads (150–200 is common)</translation>
    </message>
    <message>
        <source>目标时长</source>
        <translation>Target time</translation>
    </message>
    <message>
        <source>语速</source>
        <translation>Speaking rate</translation>
    </message>
    <message>
        <source>按设置（{0} 字/分钟）</source>
        <translation>from the settings ({0} characters/min)</translation>
    </message>
    <message>
        <source>设定讲话时长</source>
        <translation>Set the speaking time</translation>
    </message>
    <message>
        <source>按每分钟 {0} 字，全文约讲{1}</source>
        <translation>At {0} characters a minute the speech takes about {1}</translation>
    </message>
    <message>
        <source>，超出目标{0}</source>
        <translation>, {0} over the target</translation>
    </message>
    <message>
        <source>，比目标少{0}</source>
        <translation>, {0} under the target</translation>
    </message>
    <message>
        <source>。</source>
        <translation>.</translation>
    </message>
</context>
<context>
    <name>BudgetText</name>
    <message>
        <source>{0}分钟</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <source>{0}字</source>
        <translation>{0} chars</translation>
    </message>
    <message>
        <source>{0} · 约{1}（每分钟{2}字）</source>
        <translation>{0} · about {1} ({2} characters a minute)</translation>
    </message>
    <message>
        <source>；插入后全文约{0}，目标{1}</source>
        <translation>; the speech would take about {0} with it, target {1}</translation>
    </message>
    <message>
        <source>，超出{0}</source>
        <translation>, {0} over</translation>
    </message>
</context>
<context>
    <name>CheckDock</name>
    <message>
        <source>检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>检查(&amp;K)</source>
        <translation>Chec&amp;k</translation>
    </message>
</context>
<context>
    <name>CheckPanel</name>
    <message>
        <source>修正</source>
        <translation>Fix</translation>
    </message>
    <message>
        <source>按建议修正选中的这一处</source>
        <translation>Fix the selected problem as suggested</translation>
    </message>
    <message>
        <source>本类全部修正</source>
        <translation>Fix all of this kind</translation>
    </message>
    <message>
        <source>修正选中的这一类里所有能自动修正的问题（一步撤销）</source>
        <translation>Fix every problem of the selected kind that has a fix (one undo step)</translation>
    </message>
    <message>
        <source>全部修正</source>
        <translation>Fix all</translation>
    </message>
    <message>
        <source>修正列表里所有能自动修正的问题（一步撤销）</source>
        <translation>Fix every problem in the list that has a fix (one undo step)</translation>
    </message>
    <message>
        <source>忽略</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <source>不再提示这一处（选中一类时为这一类的全部）；记在讲稿文件里</source>
        <translation>Stop reporting this problem (a whole kind when a kind is selected); kept in the speech file</translation>
    </message>
    <message>
        <source>取消忽略</source>
        <translation>Stop ignoring</translation>
    </message>
    <message>
        <source>重新提示选中的已忽略问题</source>
        <translation>Report the selected ignored problem again</translation>
    </message>
    <message>
        <source>显示已忽略</source>
        <translation>Show ignored</translation>
    </message>
    <message>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>没有发现问题。</source>
        <translation>No problems found.</translation>
    </message>
    <message>
        <source>没有发现问题（另有 {0} 处已忽略）。</source>
        <translation>No problems found ({0} ignored).</translation>
    </message>
    <message>
        <source>错误 {0}</source>
        <translation>errors: {0}</translation>
    </message>
    <message>
        <source>警告 {0}</source>
        <translation>warnings: {0}</translation>
    </message>
    <message>
        <source>提示 {0}</source>
        <translation>hints: {0}</translation>
    </message>
    <message>
        <source>共 {0} 处：</source>
        <translation>{0} found: </translation>
    </message>
    <message>
        <source>；可自动修正 {0} 处</source>
        <translation>; {0} can be fixed automatically</translation>
    </message>
    <message>
        <source>；已忽略 {0} 处</source>
        <translation>; {0} ignored</translation>
    </message>
    <message>
        <source>本类全部修正（{0}）</source>
        <translation>Fix all of this kind ({0})</translation>
    </message>
    <message>
        <source>全部修正（{0}）</source>
        <translation>Fix all ({0})</translation>
    </message>
    <message>
        <source>修正：{0}</source>
        <translation>Fix: {0}</translation>
    </message>
    <message>
        <source>全部修正：{0}（{1} 处）</source>
        <translation>Fix all: {0} ({1})</translation>
    </message>
    <message>
        <source>全部修正（{0} 处）</source>
        <translation>Fix all ({0})</translation>
    </message>
    <message>
        <source>忽略检查结果（{0} 处）</source>
        <translation>Ignore ({0})</translation>
    </message>
    <message>
        <source>取消忽略（{0} 处）</source>
        <translation>Stop ignoring ({0})</translation>
    </message>
</context>
<context>
    <name>Checker</name>
    <message>
        <source>{0}（另有 {1} 个词表文件无法读取）</source>
        <translation>{0} ({1} more word list files could not be read)</translation>
    </message>
</context>
<context>
    <name>DocumentPane</name>
    <message>
        <source>查找…</source>
        <translation>Find…</translation>
    </message>
    <message>
        <source>替换…</source>
        <translation>Replace…</translation>
    </message>
    <message>
        <source>查找下一个</source>
        <translation>Find Next</translation>
    </message>
    <message>
        <source>查找上一个</source>
        <translation>Find Previous</translation>
    </message>
    <message>
        <source>放大</source>
        <translation>Zoom In</translation>
    </message>
    <message>
        <source>缩小</source>
        <translation>Zoom Out</translation>
    </message>
    <message>
        <source>实际大小</source>
        <translation>Actual Size</translation>
    </message>
    <message>
        <source>按页宽换行</source>
        <translation>Wrap at Page Width</translation>
    </message>
    <message>
        <source>每行排到纸上的宽度（每行 28 字），屏幕上的换行与打印一致</source>
        <translation>Lines as wide as on paper (28 characters), so the line breaks on screen are those of the printed page</translation>
    </message>
    <message>
        <source>实际大小（现在 {0}%）</source>
        <translation>Actual Size (now {0}%)</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{0}等</source>
        <translation>{0} and more</translation>
    </message>
    <message>
        <source>选中的内容包含 {0} 个标题：{1}。</source>
        <translation>The selection holds {0} headings: {1}.</translation>
    </message>
    <message>
        <source>删除整节会把这些标题下没有选中的 {0} 个字也一起删除。</source>
        <translation>Deleting the whole sections also deletes {0} characters under these headings that are not selected.</translation>
    </message>
    <message>
        <source>保留标题，只删正文</source>
        <translation>Keep the Headings, Delete the Text</translation>
    </message>
    <message>
        <source>删除整节</source>
        <translation>Delete Whole Sections</translation>
    </message>
    <message>
        <source>（标题）</source>
        <translation>(Title)</translation>
    </message>
    <message>
        <source>（开头）</source>
        <translation>(Opening)</translation>
    </message>
    <message>
        <source>（结尾）</source>
        <translation>(Closing)</translation>
    </message>
    <message>
        <source>输入</source>
        <translation>Typing</translation>
    </message>
    <message>
        <source>粘贴</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>分段</source>
        <translation>New Paragraph</translation>
    </message>
    <message>
        <source>标题在这里换行：按 Shift+Enter。</source>
        <translation>To break the title here, press Shift+Enter.</translation>
    </message>
    <message>
        <source>合并段落</source>
        <translation>Join Paragraphs</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>（无标题）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>剪切</source>
        <translation>Cut</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>全选</source>
        <translation>Select All</translation>
    </message>
</context>
<context>
    <name>EditorPane</name>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>在提纲中选择一项进行编辑。</source>
        <translation>Select an item in the outline to edit it.</translation>
    </message>
    <message>
        <source>印出时分为 {0} 行：{1}</source>
        <translation>Prints on {0} lines: {1}</translation>
    </message>
    <message>
        <source>开头</source>
        <translation>Opening</translation>
    </message>
    <message>
        <source>结尾</source>
        <translation>Closing</translation>
    </message>
    <message>
        <source>一级标题</source>
        <translation>Level 1</translation>
    </message>
    <message>
        <source>二级标题</source>
        <translation>Level 2</translation>
    </message>
    <message>
        <source>三级标题</source>
        <translation>Level 3</translation>
    </message>
    <message>
        <source>四级标题</source>
        <translation>Level 4</translation>
    </message>
    <message>
        <source>编辑正文</source>
        <translation>Edit text</translation>
    </message>
    <message>
        <source>粘贴标题</source>
        <translation>Paste headings</translation>
    </message>
    <message>
        <source>粘贴的文字里有 {0} 个标题，已作为标题放在当前这一节之后。</source>
        <translation>The pasted text holds {0} heading(s); they were placed as headings after this section.</translation>
    </message>
    <message>
        <source>编辑标题</source>
        <translation>Edit heading</translation>
    </message>
    <message>
        <source>标题接排</source>
        <translation>Run-in heading</translation>
    </message>
    <message>
        <source>取消标题接排</source>
        <translation>Heading on its own line</translation>
    </message>
    <message>
        <source>编辑讲稿信息</source>
        <translation>Edit Speech Details</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>从示例新建</source>
        <translation>New from Example</translation>
    </message>
    <message>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>另存为…</source>
        <translation>Save As…</translation>
    </message>
    <message>
        <source>导出 Word…</source>
        <translation>Export to Word…</translation>
    </message>
    <message>
        <source>导出提纲</source>
        <translation>Export Outline</translation>
    </message>
    <message>
        <source>只有各级标题…</source>
        <translation>Headings Only…</translation>
    </message>
    <message>
        <source>各级标题和每节第一句…</source>
        <translation>Headings and First Sentences…</translation>
    </message>
    <message>
        <source>粘贴为新讲稿</source>
        <translation>Paste as New Speech</translation>
    </message>
    <message>
        <source>以前保存的版本…</source>
        <translation>Earlier Versions…</translation>
    </message>
    <message>
        <source>最近打开</source>
        <translation>Open Recent</translation>
    </message>
    <message>
        <source>讲稿编排</source>
        <translation>Speech Composer</translation>
    </message>
    <message>
        <source>“{0}”有未保存的修改。要保存吗？</source>
        <translation>&quot;{0}&quot; has unsaved changes. Save them?</translation>
    </message>
    <message>
        <source>未命名讲稿</source>
        <translation>Untitled speech</translation>
    </message>
    <message>
        <source>示例讲稿</source>
        <translation>Example speech</translation>
    </message>
    <message>
        <source>打开讲稿</source>
        <translation>Open Speech</translation>
    </message>
    <message>
        <source>讲稿已被打开</source>
        <translation>Speech already open</translation>
    </message>
    <message>
        <source>仍然打开吗？</source>
        <translation>Open it anyway?</translation>
    </message>
    <message>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>清除列表</source>
        <translation>Clear List</translation>
    </message>
    <message>
        <source>找不到文件：{0}</source>
        <translation>File not found: {0}</translation>
    </message>
    <message>
        <source>保存讲稿</source>
        <translation>Save Speech</translation>
    </message>
    <message>
        <source>讲稿 (*.speech.yaml)</source>
        <translation>Speeches (*.speech.yaml)</translation>
    </message>
    <message>
        <source>保存失败</source>
        <translation>Save failed</translation>
    </message>
    <message>
        <source>已保存到 {0}</source>
        <translation>Saved to {0}</translation>
    </message>
    <message>
        <source>无法删除</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <source>还有 {0} 份未保存的修改，下次启动时会再询问。</source>
        <translation>{0} more set(s) of unsaved changes will be offered at the next start.</translation>
    </message>
    <message>
        <source>未知</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>上次没有正常退出，留下了未保存的修改：

标题：{0}
文件：{1}
字数：{2}
写于：{3}

要恢复吗？选“删除”会删除这份恢复文件；选“以后再说”，下次启动时再问。</source>
        <translation>The program did not close normally last time and left unsaved changes:

Title: {0}
File: {1}
Characters: {2}
Written: {3}

Restore them? &quot;Delete&quot; deletes this recovery file; &quot;Later&quot; asks again at the next start.</translation>
    </message>
    <message>
        <source>（从未保存过的新讲稿）</source>
        <translation>(a new speech that was never saved)</translation>
    </message>
    <message>
        <source>（第 {0} 份，共 {1} 份）</source>
        <translation>({0} of {1})</translation>
    </message>
    <message>
        <source>-提纲</source>
        <translation>-outline</translation>
    </message>
    <message>
        <source>字体提示</source>
        <translation>Fonts</translation>
    </message>
    <message>
        <source>这台电脑缺少格式方案里的部分字体：</source>
        <translation>This computer lacks some of the format profile&apos;s fonts:</translation>
    </message>
    <message>
        <source>文档照常导出；在装有这些字体的电脑上打开时显示正常。</source>
        <translation>The document is exported all the same; it shows as intended on a computer that has these fonts.</translation>
    </message>
    <message>
        <source>继续导出</source>
        <translation>Export Anyway</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>这些字体不再提示</source>
        <translation>Do not tell me about these fonts again</translation>
    </message>
    <message>
        <source>恢复未保存的修改</source>
        <translation>Restore unsaved changes</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>以后再说</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>（无标题）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>无法打开文件管理器。文件夹在：{0}</source>
        <translation>No file manager could be started. The folder is: {0}</translation>
    </message>
    <message>
        <source>查看并恢复这篇讲稿以前保存的版本</source>
        <translation>View and restore earlier saved versions of this speech</translation>
    </message>
    <message>
        <source>讲稿 (*.speech.yaml);;可导入的文件 (*.docx *.doc *.wps *.txt *.md);;所有文件 (*)</source>
        <translation>Speeches (*.speech.yaml);;Importable files (*.docx *.doc *.wps *.txt *.md);;All files (*)</translation>
    </message>
    <message>
        <source>仍然恢复吗？</source>
        <translation>Restore anyway?</translation>
    </message>
    <message>
        <source>无法恢复</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <source>恢复的讲稿</source>
        <translation>Restored speech</translation>
    </message>
    <message>
        <source>恢复以前的版本</source>
        <translation>Restore Earlier Version</translation>
    </message>
    <message>
        <source>已恢复以前保存的版本；可以撤销，保存后才写入文件。</source>
        <translation>An earlier version was restored; you can undo it, and it is written to the file when you save.</translation>
    </message>
    <message>
        <source>剪贴板里没有文字。</source>
        <translation>The clipboard holds no text.</translation>
    </message>
    <message>
        <source>无法识别</source>
        <translation>Not recognised</translation>
    </message>
    <message>
        <source>粘贴的讲稿</source>
        <translation>Pasted speech</translation>
    </message>
    <message>
        <source>已从剪贴板生成讲稿：{0} 个一级标题。</source>
        <translation>Speech made from the clipboard: {0} level-1 sections.</translation>
    </message>
    <message>
        <source>导出 Word 文档</source>
        <translation>Export Word Document</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>已导出到 {0}</source>
        <translation>Exported to {0}</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>已导出：
{0}</source>
        <translation>Exported:
{0}</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open Folder</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>上一个（Shift+F3）</source>
        <translation>Previous (Shift+F3)</translation>
    </message>
    <message>
        <source>下一个（F3）</source>
        <translation>Next (F3)</translation>
    </message>
    <message>
        <source>全角半角视为相同</source>
        <translation>Full/half width alike</translation>
    </message>
    <message>
        <source>数字、字母、括号和标点的全角与半角形式都算作相同，例如（1）和(1)、１２和12</source>
        <translation>Full-width and half-width digits, letters, brackets and punctuation count as the same, e.g. （1） and (1), １２ and 12</translation>
    </message>
    <message>
        <source>全文</source>
        <translation>Whole speech</translation>
    </message>
    <message>
        <source>本节</source>
        <translation>This section</translation>
    </message>
    <message>
        <source>在整篇讲稿中查找，或只在提纲中选中的一节（含下级标题）中查找</source>
        <translation>Search the whole speech, or only the section selected in the outline (with its subsections)</translation>
    </message>
    <message>
        <source>关闭（Esc）</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>替换为</source>
        <translation>Replace with</translation>
    </message>
    <message>
        <source>替换</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>全部替换</source>
        <translation>Replace All</translation>
    </message>
    <message>
        <source>无结果</source>
        <translation>No results</translation>
    </message>
    <message>
        <source>没有找到“{0}”。</source>
        <translation>“{0}” was not found.</translation>
    </message>
    <message>
        <source>已替换 {0} 处。</source>
        <translation>Replaced {0} occurrences.</translation>
    </message>
</context>
<context>
    <name>FindingDetail</name>
    <message>
        <source>修正为：{0}</source>
        <translation>Fix: {0}</translation>
    </message>
    <message>
        <source>（删去）</source>
        <translation>(delete)</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>错误</source>
        <translation>error</translation>
    </message>
    <message>
        <source>警告</source>
        <translation>warning</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>hint</translation>
    </message>
    <message>
        <source>&#x3000;可修正 {0}</source>
        <translation>  {0} fixable</translation>
    </message>
    <message>
        <source>修正为：{0}</source>
        <translation>Fix: {0}</translation>
    </message>
    <message>
        <source>（删去）</source>
        <translation>(delete)</translation>
    </message>
</context>
<context>
    <name>HeadDialog</name>
    <message>
        <source>讲稿信息</source>
        <translation>Speech details</translation>
    </message>
</context>
<context>
    <name>HeadForm</name>
    <message>
        <source>讲稿信息</source>
        <translation>Speech details</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Heading</translation>
    </message>
    <message>
        <source>副标题</source>
        <translation>Subtitle</translation>
    </message>
    <message>
        <source>讲话人</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>称呼</source>
        <translation>Salutation</translation>
    </message>
    <message>
        <source>例如：在创建省级文明单位动员大会上的讲话</source>
        <translation>e.g. 在创建省级文明单位动员大会上的讲话</translation>
    </message>
    <message>
        <source>可不填</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>例如：局党组书记、局长&#x3000;王建国</source>
        <translation>e.g. 局党组书记、局长&#x3000;王建国</translation>
    </message>
    <message>
        <source>例如：2024年3月15日</source>
        <translation>e.g. 2024年3月15日</translation>
    </message>
    <message>
        <source>例如：同志们：</source>
        <translation>e.g. 同志们：</translation>
    </message>
    <message>
        <source>落款单位</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <source>落款日期</source>
        <translation>Signature date</translation>
    </message>
    <message>
        <source>可不填；填写后在文末右下方排印单位和日期</source>
        <translation>Optional: printed with its date at the end, on the right</translation>
    </message>
    <message>
        <source>留空则用上面的日期</source>
        <translation>Empty: the date above</translation>
    </message>
    <message>
        <source>Shift+Enter 在此处分行；不分行时，过长的标题在词语之间自动分行</source>
        <translation>Shift+Enter breaks the title here; without a break, a title too long for one line breaks between words</translation>
    </message>
    <message>
        <source>开头和结尾的段落在提纲里的“开头”“结尾”中编辑。</source>
        <translation>The opening and closing paragraphs are edited under “Opening” and “Closing” in the outline.</translation>
    </message>
</context>
<context>
    <name>ImportActions</name>
    <message>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>导入旧讲稿（Word、WPS、文本、Markdown），预览后打开或存入素材库</source>
        <translation>Import old speeches (Word, WPS, text, Markdown); preview, then open or add to the library</translation>
    </message>
    <message>
        <source>导入讲稿</source>
        <translation>Import speeches</translation>
    </message>
    <message>
        <source>可导入的文件 (*.docx *.doc *.wps *.txt *.md);;所有文件 (*)</source>
        <translation>Importable files (*.docx *.doc *.wps *.txt *.md);;All files (*)</translation>
    </message>
    <message>
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <source>导入的讲稿</source>
        <translation>Imported speech</translation>
    </message>
    <message>
        <source>剪贴板里没有文字。</source>
        <translation>The clipboard holds no text.</translation>
    </message>
    <message>
        <source>粘贴的讲稿</source>
        <translation>Pasted speech</translation>
    </message>
    <message>
        <source>无法识别</source>
        <translation>Not recognised</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>“{0}”不是讲稿文件（.speech.yaml），但可以导入：识别其中的讲话、标题层级，预览后打开为新讲稿或存入素材库。

现在导入吗？</source>
        <translation>“{0}” is not a speech file (.speech.yaml), but it can be imported: its speeches and heading levels are recognised, and after a preview you open it as a new speech or add it to the library.

Import it now?</translation>
    </message>
    <message>
        <source>已导入“{0}”，尚未保存。</source>
        <translation>Imported “{0}”; not saved yet.</translation>
    </message>
    <message>
        <source>清理时去掉 {0} 处，导入预览里可查看。</source>
        <translation> The cleanup removed {0} piece(s); the import preview lists them.</translation>
    </message>
    <message>
        <source>导入到素材库</source>
        <translation>Import into the library</translation>
    </message>
    <message>
        <source>已存入“{0}”：新增素材 {1} 条，跳过重复 {2} 条。</source>
        <translation>Added to “{0}”: {1} snippet(s) new, {2} duplicate(s) skipped.</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>导入预览</source>
        <translation>Import preview</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Heading</translation>
    </message>
    <message>
        <source>升一级</source>
        <translation>Up a level</translation>
    </message>
    <message>
        <source>降一级</source>
        <translation>Down a level</translation>
    </message>
    <message>
        <source>改为正文</source>
        <translation>Make it body text</translation>
    </message>
    <message>
        <source>放回选中的</source>
        <translation>Put the selected back</translation>
    </message>
    <message>
        <source>作为新讲稿打开</source>
        <translation>Open as a new speech</translation>
    </message>
    <message>
        <source>存入素材库</source>
        <translation>Add to the library</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>找到的讲话</source>
        <translation>Speeches found</translation>
    </message>
    <message>
        <source>提纲（可调整级别）</source>
        <translation>Outline (levels can be changed)</translation>
    </message>
    <message>
        <source>清理时去掉的内容</source>
        <translation>Removed by the cleanup</translation>
    </message>
    <message>
        <source>放回的内容改变了提纲，之前的 {0} 处调整没能保留，请再看一下提纲。</source>
        <translation>The pieces put back changed the outline: {0} earlier correction(s) could not be kept; please look at the outline again.</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>无标题层级</source>
        <translation>no headings</translation>
    </message>
    <message>
        <source>（无标题）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>&#x3000;与第 {0} 篇几乎相同</source>
        <translation>  nearly repeats no. {0}</translation>
    </message>
    <message>
        <source>汉字：原文 {0} = 导入 {1} + 去掉 {2}</source>
        <translation>Chinese characters: source {0} = imported {1} + removed {2}</translation>
    </message>
    <message>
        <source>（有 {0} 个字未计入，请报告）</source>
        <translation> ({0} not accounted for: please report this)</translation>
    </message>
    <message>
        <source>讲稿信息</source>
        <translation>Speech details</translation>
    </message>
    <message>
        <source>开头</source>
        <translation>Opening</translation>
    </message>
    <message>
        <source>{0} 段</source>
        <translation>{0} paragraph(s)</translation>
    </message>
    <message>
        <source>结尾</source>
        <translation>Closing</translation>
    </message>
    <message>
        <source>附件等</source>
        <translation>Attachments etc.</translation>
    </message>
    <message>
        <source>{0} 段，作为正文保留在结尾之后</source>
        <translation>{0} paragraph(s), kept as text after the closing</translation>
    </message>
    <message>
        <source>一级</source>
        <translation>Level 1</translation>
    </message>
    <message>
        <source>二级</source>
        <translation>Level 2</translation>
    </message>
    <message>
        <source>三级</source>
        <translation>Level 3</translation>
    </message>
    <message>
        <source>四级</source>
        <translation>Level 4</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>一级标题</source>
        <translation>Level 1</translation>
    </message>
    <message>
        <source>二级标题</source>
        <translation>Level 2</translation>
    </message>
    <message>
        <source>三级标题</source>
        <translation>Level 3</translation>
    </message>
    <message>
        <source>四级标题</source>
        <translation>Level 4</translation>
    </message>
    <message>
        <source>段落</source>
        <translation>Paragraphs</translation>
    </message>
    <message>
        <source>还有 {0} 条没有列出：请输入更多文字，或折叠用不到的分组。</source>
        <translation>{0} more not listed: type more words, or fold groups you do not need.</translation>
    </message>
    <message>
        <source>未分类</source>
        <translation>No kind</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message>
        <source>素材库</source>
        <translation>Library</translation>
    </message>
    <message>
        <source>搜索素材：标题、正文、标签</source>
        <translation>Search the library: headings, text, tags</translation>
    </message>
    <message>
        <source>选中一条素材，在这里预览全文。</source>
        <translation>Select a snippet to preview its full text here.</translation>
    </message>
    <message>
        <source>插入到提纲</source>
        <translation>Insert into Outline</translation>
    </message>
    <message>
        <source>编辑素材…</source>
        <translation>Edit Snippet…</translation>
    </message>
    <message>
        <source>删除素材</source>
        <translation>Delete Snippet</translation>
    </message>
    <message>
        <source>撤销素材库修改</source>
        <translation>Undo Library Change</translation>
    </message>
    <message>
        <source>重做素材库修改</source>
        <translation>Redo Library Change</translation>
    </message>
    <message>
        <source>正在加载素材库…</source>
        <translation>Loading the library…</translation>
    </message>
    <message>
        <source>正在搜索… 已找到 {0} 条（共 {1} 条）</source>
        <translation>Searching… {0} found so far (of {1})</translation>
    </message>
    <message>
        <source>找到 {0} 条（共 {1} 条）</source>
        <translation>{0} found (of {1})</translation>
    </message>
    <message>
        <source>共 {0} 条</source>
        <translation>{0} snippets</translation>
    </message>
    <message>
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <source>存入素材库</source>
        <translation>Add to the library</translation>
    </message>
    <message>
        <source>已存入“{0}”。</source>
        <translation>Saved to &quot;{0}&quot;.</translation>
    </message>
    <message>
        <source>编辑素材</source>
        <translation>Edit Snippet</translation>
    </message>
    <message>
        <source>从“{0}”中删除这条素材？

{1}</source>
        <translation>Delete this snippet from &quot;{0}&quot;?

{1}</translation>
    </message>
    <message>
        <source>“{0}”正由别的程序写入，等它写完…</source>
        <translation>“{0}” is being written by another program; waiting for it to finish…</translation>
    </message>
    <message>
        <source>正在写入“{0}”…</source>
        <translation>Writing “{0}”…</translation>
    </message>
    <message>
        <source>已撤销：{0}</source>
        <translation>Undone: {0}</translation>
    </message>
    <message>
        <source>已重做：{0}</source>
        <translation>Redone: {0}</translation>
    </message>
    <message>
        <source>撤销：</source>
        <translation>Undo: </translation>
    </message>
    <message>
        <source>重做：</source>
        <translation>Redo: </translation>
    </message>
    <message>
        <source>素材库没有写入（程序出错：{0}）。</source>
        <translation>Nothing was written to the library (a program error: {0}).</translation>
    </message>
    <message>
        <source>“{0}”在磁盘上有了变化（别的程序或同事写入），已重新读取。</source>
        <translation>“{0}” changed on disk (another program or a colleague wrote to it); it was read again.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>已恢复上次未保存的修改；{0} 没有打开。</source>
        <translation>Restored the unsaved changes of the last session; {0} was not opened.</translation>
    </message>
    <message>
        <source>提纲</source>
        <translation>Outline</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>存入素材库…</source>
        <translation>Save to Library…</translation>
    </message>
    <message>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>讲稿信息…</source>
        <translation>Speech Details…</translation>
    </message>
    <message>
        <source>单节编辑</source>
        <translation>One Section at a Time</translation>
    </message>
    <message>
        <source>只显示提纲中选中的一节，逐节编辑</source>
        <translation>Show only the section selected in the outline, and edit section by section</translation>
    </message>
    <message>
        <source>重新加载素材库</source>
        <translation>Reload Library</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>提纲(&amp;O)</source>
        <translation>&amp;Outline</translation>
    </message>
    <message>
        <source>素材库(&amp;L)</source>
        <translation>&amp;Library</translation>
    </message>
    <message>
        <source>搜索素材</source>
        <translation>Search Library</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>关于讲稿编排</source>
        <translation>About Speech Composer</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>显示或关闭检查结果（错别字、标点、数字、序数……）</source>
        <translation>Show or close the check results (wrong characters, punctuation, numbers, outline numbers …)</translation>
    </message>
    <message>
        <source>检查全文</source>
        <translation>Check Document</translation>
    </message>
    <message>
        <source>立即检查，并转到检查结果（F7）</source>
        <translation>Check now and go to the results (F7)</translation>
    </message>
    <message>
        <source>打开检查结果</source>
        <translation>Open the check results</translation>
    </message>
    <message>
        <source>这一项不在页面上，请在“讲稿信息”里填写。</source>
        <translation>This is not on the page: fill it in under Speech details.</translation>
    </message>
    <message>
        <source>检查：{0} 处问题</source>
        <translation>Check: {0} found</translation>
    </message>
    <message>
        <source>检查：没有问题</source>
        <translation>Check: no problems</translation>
    </message>
    <message>
        <source>素材库没有加载完：{0}</source>
        <translation>The library did not finish loading: {0}</translation>
    </message>
    <message>
        <source>有 {0} 个素材库文件无法读取。</source>
        <translation>{0} library files could not be read.</translation>
    </message>
    <message>
        <source>素材库</source>
        <translation>Library</translation>
    </message>
    <message>
        <source>下面的素材库文件无法读取，已跳过；其余素材照常可用。</source>
        <translation>These library files could not be read and were skipped; the rest of the library works as usual.</translation>
    </message>
    <message>
        <source>请先在提纲中选择一个标题。</source>
        <translation>Select a section in the outline first.</translation>
    </message>
    <message>
        <source>编辑讲稿信息</source>
        <translation>Edit Speech Details</translation>
    </message>
    <message>
        <source>全文 {0} 字 · 约 {1}</source>
        <translation>Speech: {0} characters · about {1}</translation>
    </message>
    <message>
        <source>（目标 {0}）</source>
        <translation> (target {0})</translation>
    </message>
    <message>
        <source>&#x3000;｜&#x3000;本节 {0} 字 · 约 {1}</source>
        <translation>  |  Section: {0} characters · about {1}</translation>
    </message>
    <message>
        <source>界面语言将在重新启动后切换。</source>
        <translation>The new language is used from the next start.</translation>
    </message>
    <message>
        <source>讲稿编排 {0}

用素材库编排讲话稿，导出公文格式的 Word 文档。</source>
        <translation>Speech Composer {0}

Compose speeches from a library of sections and export official-format Word documents.</translation>
    </message>
</context>
<context>
    <name>NewSpeechDialog</name>
    <message>
        <source>新建讲稿</source>
        <translation>New Speech</translation>
    </message>
    <message>
        <source>空白讲稿</source>
        <translation>Blank speech</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>一篇空白讲稿。</source>
        <translation>A blank speech.</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>称呼</source>
        <translation>Salutation</translation>
    </message>
    <message>
        <source>按模板的开头</source>
        <translation>The template&apos;s opening</translation>
    </message>
    <message>
        <source>开头</source>
        <translation>Opening</translation>
    </message>
    <message>
        <source>按模板：{0}</source>
        <translation>As in the template: {0}</translation>
    </message>
    <message>
        <source>第 {0} 部分</source>
        <translation>Part {0}</translation>
    </message>
    <message>
        <source>按模板的结尾</source>
        <translation>The template&apos;s closing</translation>
    </message>
    <message>
        <source>结尾</source>
        <translation>Closing</translation>
    </message>
    <message>
        <source>新讲稿（{0}）</source>
        <translation>New speech ({0})</translation>
    </message>
</context>
<context>
    <name>OutlineActions</name>
    <message>
        <source>新建同级标题</source>
        <translation>New Section</translation>
    </message>
    <message>
        <source>新建下级标题</source>
        <translation>New Subsection</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move Up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move Down</translation>
    </message>
    <message>
        <source>升级</source>
        <translation>Promote</translation>
    </message>
    <message>
        <source>降级</source>
        <translation>Demote</translation>
    </message>
    <message>
        <source>删除标题</source>
        <translation>Delete Section</translation>
    </message>
    <message>
        <source>全部展开</source>
        <translation>Expand All</translation>
    </message>
    <message>
        <source>全部折叠</source>
        <translation>Collapse All</translation>
    </message>
    <message>
        <source>新建标题</source>
        <translation>New section</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <source>（无标题）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>（讲稿标题）</source>
        <translation>(speech title)</translation>
    </message>
    <message>
        <source>开头</source>
        <translation>Opening</translation>
    </message>
    <message>
        <source>结尾</source>
        <translation>Closing</translation>
    </message>
    <message>
        <source>标题、讲话人、日期、称呼</source>
        <translation>Title, speaker, date, salutation</translation>
    </message>
    <message>
        <source>移动标题</source>
        <translation>Move section</translation>
    </message>
    <message>
        <source>正文段落要放到某个标题、开头或结尾上。</source>
        <translation>Body text goes onto a section, the opening or the closing.</translation>
    </message>
    <message>
        <source>插入素材段落</source>
        <translation>Insert snippet text</translation>
    </message>
    <message>
        <source>插入素材</source>
        <translation>Insert snippet</translation>
    </message>
</context>
<context>
    <name>PreflightDialog</name>
    <message>
        <source>导出前检查</source>
        <translation>Check before export</translation>
    </message>
    <message>
        <source>讲稿里还有 {0} 处问题。可以先转到问题处修改，也可以仍然继续。</source>
        <translation>The speech still has {0} problems. Go to one to correct it, or go on anyway.</translation>
    </message>
    <message>
        <source>转到此处</source>
        <translation>Go to it</translation>
    </message>
    <message>
        <source>仍然导出</source>
        <translation>Export anyway</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <source>打印预览…</source>
        <translation>Print Preview…</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>无法排版</source>
        <translation>Cannot lay out the pages</translation>
    </message>
    <message>
        <source>可安装这些字体，或在格式方案里改用已安装的字体。</source>
        <translation>Install these fonts, or choose installed fonts in the format profile.</translation>
    </message>
    <message>
        <source>继续打印</source>
        <translation>Print Anyway</translation>
    </message>
    <message>
        <source>继续导出</source>
        <translation>Export Anyway</translation>
    </message>
    <message>
        <source>打印失败</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <source>打印预览 — {0}（共 {1} 页）</source>
        <translation>Print Preview — {0} ({1} pages)</translation>
    </message>
    <message>
        <source>仍然打印</source>
        <translation>Print anyway</translation>
    </message>
    <message>
        <source>打印“{0}”（共 {1} 页）</source>
        <translation>Print “{0}” ({1} pages)</translation>
    </message>
    <message>
        <source>已发送到打印机：{0}</source>
        <translation>Sent to the printer: {0}</translation>
    </message>
    <message>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>格式方案</source>
        <translation>Format Profile</translation>
    </message>
    <message>
        <source>从内置方案“{0}”开始。内置方案不能修改，保存后成为一个新的方案。</source>
        <translation>Starting from the bundled profile “{0}”. Bundled profiles cannot be changed: saving makes a new profile.</translation>
    </message>
    <message>
        <source>修改方案“{0}”（基于“{1}”）。换一个名称则另存为新方案。</source>
        <translation>Editing the profile “{0}” (based on “{1}”). Give another name to save it as a new profile.</translation>
    </message>
    <message>
        <source>例如：本单位格式</source>
        <translation>e.g. Our office</translation>
    </message>
    <message>
        <source>方案名称</source>
        <translation>Profile name</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>字体</source>
        <translation>Fonts</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Heading</translation>
    </message>
    <message>
        <source>副标题、讲话人、日期</source>
        <translation>Subtitle, speaker, date</translation>
    </message>
    <message>
        <source>正文（含称呼、结束语）</source>
        <translation>Body (with salutation and closing)</translation>
    </message>
    <message>
        <source>一级标题 一、</source>
        <translation>Heading 1 一、</translation>
    </message>
    <message>
        <source>二级标题 （一）</source>
        <translation>Heading 2 （一）</translation>
    </message>
    <message>
        <source>三级标题 1.</source>
        <translation>Heading 3 1.</translation>
    </message>
    <message>
        <source>四级标题 （1）</source>
        <translation>Heading 4 （1）</translation>
    </message>
    <message>
        <source>GB/T 9704：一级标题用黑体，不加粗。</source>
        <translation>GB/T 9704: level-1 headings are in 黑体 (Hei), never bold.</translation>
    </message>
    <message>
        <source>标准不加粗；有些单位的习惯是加粗。</source>
        <translation>Not bold in the standard; some offices make it bold.</translation>
    </message>
    <message>
        <source>加粗</source>
        <translation>Bold</translation>
    </message>
    <message>
        <source>版式</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source> 磅</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>固定行距。标准为 28.95 磅（每页 22 行）；有些单位用 28 磅，也是每页 22 行。</source>
        <translation>Exact line spacing. The standard is 28.95 pt (22 lines a page); some offices use 28 pt, also 22 lines a page.</translation>
    </message>
    <message>
        <source>行距</source>
        <translation>Line pitch</translation>
    </message>
    <message>
        <source>外侧：单页居右、双页居左（标准）</source>
        <translation>Outer: odd pages right, even pages left (standard)</translation>
    </message>
    <message>
        <source>居中</source>
        <translation>Centred</translation>
    </message>
    <message>
        <source>阿拉伯数字：（2024年3月15日）</source>
        <translation>Arabic digits: （2024年3月15日）</translation>
    </message>
    <message>
        <source>汉字：（二〇二四年三月十五日）</source>
        <translation>Chinese numerals: （二〇二四年三月十五日）</translation>
    </message>
    <message>
        <source>页码位置</source>
        <translation>Page numbers</translation>
    </message>
    <message>
        <source>日期数字</source>
        <translation>Date digits</translation>
    </message>
    <message>
        <source>三级标题编号</source>
        <translation>Level-3 numbers</translation>
    </message>
    <message>
        <source>每页 {0} 行。</source>
        <translation>{0} lines a page.</translation>
    </message>
    <message>
        <source>注意：超过 28.95 磅，每页只能排 {0} 行（GB/T 9704 要求每页 22 行）。</source>
        <translation>Note: above 28.95 pt a page holds only {0} lines (GB/T 9704 asks for 22).</translation>
    </message>
    <message>
        <source>注意：每页 {0} 行，不是 GB/T 9704 要求的 22 行。</source>
        <translation>Note: {0} lines a page, not the 22 that GB/T 9704 asks for.</translation>
    </message>
    <message>
        <source>请填写“{0}”的字体。</source>
        <translation>Please give the font for “{0}”.</translation>
    </message>
    <message>
        <source>替换格式方案</source>
        <translation>Replace Format Profile</translation>
    </message>
    <message>
        <source>已经有名为“{0}”的格式方案。要用现在的设置替换它吗？</source>
        <translation>A format profile named “{0}” already exists. Replace it with these settings?</translation>
    </message>
    <message>
        <source>格式方案没有保存</source>
        <translation>Format Profile Not Saved</translation>
    </message>
</context>
<context>
    <name>SectionForm</name>
    <message>
        <source>标题（不含序号，序号自动生成）</source>
        <translation>Heading (without its number: numbers are automatic)</translation>
    </message>
    <message>
        <source>标题接排</source>
        <translation>Run-in heading</translation>
    </message>
    <message>
        <source>导出时标题与第一段正文排在同一段：“（一）压实责任。正文……”</source>
        <translation>Export the heading at the start of its first paragraph: “（一）压实责任。正文……”</translation>
    </message>
    <message>
        <source>在这里输入正文。按 Enter 另起一段。</source>
        <translation>Type the text here. Enter starts a new paragraph.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>跟随系统</source>
        <translation>As the system</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>自定义…</source>
        <translation>Customise…</translation>
    </message>
    <message>
        <source>修改字体、标题加粗、行距、页码位置等，存为自己的格式方案。</source>
        <translation>Change fonts, heading bold, line pitch, page-number position and more, and save them as your own format profile.</translation>
    </message>
    <message>
        <source>公文格式</source>
        <translation>Document format</translation>
    </message>
    <message>
        <source> 字/分钟</source>
        <translation> characters/min</translation>
    </message>
    <message>
        <source>念稿一般每分钟 150～200 字，日常讲话 120～150 字。</source>
        <translation>A read-out speech runs at 150–200 characters a minute, everyday talk at 120–150.</translation>
    </message>
    <message>
        <source>语速</source>
        <translation>Speaking rate</translation>
    </message>
    <message>
        <source> 个版本</source>
        <translation> versions</translation>
    </message>
    <message>
        <source>不保留</source>
        <translation>None</translation>
    </message>
    <message>
        <source>每次保存前，把文件原来的版本留作备份，保存在用户数据文件夹里。</source>
        <translation>Before each save, the file&apos;s previous version is kept as a backup in your data folder.</translation>
    </message>
    <message>
        <source>打开备份文件夹</source>
        <translation>Open Backups Folder</translation>
    </message>
    <message>
        <source>保留备份</source>
        <translation>Keep backups</translation>
    </message>
    <message>
        <source>选择存档讲稿文件夹</source>
        <translation>Choose a folder of archived speeches</translation>
    </message>
    <message>
        <source>往年的讲稿（.speech.yaml、.docx、.txt、.md）所在的文件夹，含子文件夹。检查时，与其中某段八成以上相同的段落会被指出。</source>
        <translation>Folders (with their sub-folders) of past speeches (.speech.yaml, .docx, .txt, .md). The check points out every paragraph that is 80% or more the same as one of theirs.</translation>
    </message>
    <message>
        <source>查重：存档讲稿文件夹</source>
        <translation>查重: archive folders</translation>
    </message>
    <message>
        <source>添加文件夹…</source>
        <translation>Add Folder…</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>在共享文件夹里记录用过哪些素材（同事可以看到“用于：……”）</source>
        <translation>Record used snippets in the shared folders (colleagues see “Used in: …”)</translation>
    </message>
    <message>
        <source>共享素材库文件夹</source>
        <translation>Shared library folders</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>无法打开格式方案</source>
        <translation>Cannot Open Format Profile</translation>
    </message>
    <message>
        <source>选择素材库文件夹</source>
        <translation>Choose a Library Folder</translation>
    </message>
</context>
<context>
    <name>SimilarPanel</name>
    <message>
        <source>相近的说法</source>
        <translation>Other ways to say it</translation>
    </message>
    <message>
        <source>素材库里与提纲中选中的一节用词最接近的素材（换一种说法），不含本节已有的文字；双击、回车或拖到提纲里插入。</source>
        <translation>The library snippets whose wording is closest to the section selected in the outline (another way to say it), leaving out the text the section already holds; double-click, press Enter or drag into the outline to insert.</translation>
    </message>
    <message>
        <source>正在整理素材库…</source>
        <translation>Indexing the library…</translation>
    </message>
    <message>
        <source>相近度 {0:.0%}</source>
        <translation>Similarity {0:.0%}</translation>
    </message>
    <message>
        <source>{0} 条，双击插入</source>
        <translation>{0} found; double-click to insert</translation>
    </message>
    <message>
        <source>素材库里没有说法相近的素材。</source>
        <translation>Nothing in the library is worded like this.</translation>
    </message>
    <message>
        <source>在提纲中选中一节，这里列出素材库里说法相近的素材。</source>
        <translation>Select a section in the outline to see the library snippets worded like it.</translation>
    </message>
</context>
<context>
    <name>SnippetDialog</name>
    <message>
        <source>编辑素材</source>
        <translation>Edit Snippet</translation>
    </message>
    <message>
        <source>存入素材库</source>
        <translation>Add to the library</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Heading</translation>
    </message>
    <message>
        <source>正文（每段一行）</source>
        <translation>Text (one paragraph per line)</translation>
    </message>
    <message>
        <source>（无标题）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>用逗号分隔，例如：文明创建，动员</source>
        <translation>separated by commas, e.g. 文明创建，动员</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
</context>
<context>
    <name>SubstitutionDialog</name>
    <message>
        <source>替换表</source>
        <translation>Substitution Table</translation>
    </message>
    <message>
        <source>从别处借用的文字里，把别的单位的说法换成本单位的：插入素材时先预览再替换，
也可以用“编辑 ▸ 按替换表修改全文”一次改好整篇讲稿（可以撤销）。
“替换为”留空的行不保存。</source>
        <translation>Turn another unit&apos;s wording in borrowed text into your own: snippets are previewed and changed as they are inserted,
and “Edit ▸ Apply the Substitution Table to the Whole Speech” changes the whole speech at once (undoable).
Rows with an empty replacement are not kept.</translation>
    </message>
    <message>
        <source>原文</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>替换为</source>
        <translation>Replace with</translation>
    </message>
    <message>
        <source>添加一行</source>
        <translation>Add Row</translation>
    </message>
    <message>
        <source>删除所选行</source>
        <translation>Remove Selected Rows</translation>
    </message>
    <message>
        <source>找出讲稿里的单位用语</source>
        <translation>Find Unit Words in the Speech</translation>
    </message>
    <message>
        <source>把讲稿中的我院、学院、全院师生、地名等列进表里，只需填写替换为什么</source>
        <translation>List the speech&apos;s 我院, 学院, 全院师生, place names … in the table; you only fill in the replacements</translation>
    </message>
</context>
<context>
    <name>SubstitutionPreview</name>
    <message>
        <source>插入素材：按替换表修改</source>
        <translation>Insert Snippet: Substitution Table</translation>
    </message>
    <message>
        <source>这条素材里有 {0} 处会按本讲稿的替换表修改：</source>
        <translation>The speech&apos;s substitution table changes {0} places in this snippet:</translation>
    </message>
    <message>
        <source>修改后插入</source>
        <translation>Insert Changed</translation>
    </message>
    <message>
        <source>按原文插入</source>
        <translation>Insert As It Is</translation>
    </message>
</context>
<context>
    <name>UndoRouter</name>
    <message>
        <source>撤销：</source>
        <translation>Undo: </translation>
    </message>
    <message>
        <source>重做：</source>
        <translation>Redo: </translation>
    </message>
</context>
<context>
    <name>UsageTracker</name>
    <message>
        <source>……共 {0} 篇</source>
        <translation>… {0} speeches in all</translation>
    </message>
    <message>
        <source>要改成本单位的用语：</source>
        <translation>Words to adapt to your unit: </translation>
    </message>
</context>
</TS>
