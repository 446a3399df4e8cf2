<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Study Notes</source>
            <translation>关于学习札记</translation>
        </message>
        <message>
            <source>Study Notes, version {version}</source>
            <translation>学习札记，版本 {version}</translation>
        </message>
        <message>
            <source>Import pages of reflections from the newspaper, read them comfortably, mark what matters and prepare study briefs. Free software under the GNU General Public License, version 3 or later.</source>
            <translation>导入报纸上的心得版面，舒适阅读，标注要点，编写学习简报。本软件为自由软件，依据 GNU 通用公共许可证第 3 版或更高版本发布。</translation>
        </message>
        <message>
            <source>Component</source>
            <translation>组件</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <source>Licence</source>
            <translation>许可证</translation>
        </message>
        <message>
            <source>Study Notes includes the following components, each under its own licence:</source>
            <translation>学习札记包含以下组件，各自依其许可证发布：</translation>
        </message>
    </context>
    <context>
        <name>AnnotationController</name>
        <message>
            <source>&amp;Undo {action}</source>
            <translation>撤销(&amp;U) {action}</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Redo {action}</source>
            <translation>重做(&amp;R) {action}</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <source>Analysing…</source>
            <translation>正在分析…</translation>
        </message>
        <message>
            <source>Analysing… (the first time takes a few seconds)</source>
            <translation>正在分析…（首次需要几秒钟）</translation>
        </message>
        <message>
            <source>The text could not be analysed.</source>
            <translation>无法分析这篇文字。</translation>
        </message>
        <message>
            <source>Select the words to highlight first.</source>
            <translation>请先选中要标注的文字。</translation>
        </message>
        <message>
            <source>Highlight as {category}</source>
            <translation>标注为{category}</translation>
        </message>
        <message>
            <source>Change Category</source>
            <translation>更改类别</translation>
        </message>
        <message>
            <source>Edit Comment</source>
            <translation>编辑批注</translation>
        </message>
        <message>
            <source>Delete Comment</source>
            <translation>删除批注</translation>
        </message>
        <message>
            <source>Remove Highlight</source>
            <translation>删除标注</translation>
        </message>
        <message>
            <source>Select the words of the highlight (within one paragraph) first.</source>
            <translation>请先选中标注的文字（在同一段内）。</translation>
        </message>
        <message>
            <source>Re-attach Highlight</source>
            <translation>重新附着标注</translation>
        </message>
        <message>
            <source>Accept Suggested Commitment</source>
            <translation>采纳建议的承诺</translation>
        </message>
        <message>
            <source>Dismiss Suggestion</source>
            <translation>忽略建议</translation>
        </message>
        <message>
            <source>Suggested commitment</source>
            <translation>建议的承诺</translation>
        </message>
        <message>
            <source>&amp;Accept as Commitment</source>
            <translation>采纳为承诺(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Dismiss Suggestion</source>
            <translation>忽略建议(&amp;D)</translation>
        </message>
        <message>
            <source>Change &amp;Category</source>
            <translation>更改类别(&amp;C)</translation>
        </message>
        <message>
            <source>Edit &amp;Comment…</source>
            <translation>编辑批注(&amp;C)…</translation>
        </message>
        <message>
            <source>Add &amp;Comment…</source>
            <translation>添加批注(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;Remove Highlight</source>
            <translation>删除标注(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>复制(&amp;C)</translation>
        </message>
        <message>
            <source>Select &amp;All</source>
            <translation>全选(&amp;A)</translation>
        </message>
    </context>
    <context>
        <name>CommentDialog</name>
        <message>
            <source>Comment</source>
            <translation>批注</translation>
        </message>
        <message>
            <source>Write your comment on the highlighted words</source>
            <translation>为标注的文字写批注</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>Study Notes Ran Into a Problem</source>
            <translation>学习札记遇到了问题</translation>
        </message>
        <message>
            <source>An unexpected error occurred. What was already saved in the library is kept.</source>
            <translation>发生了意外错误。文库中已保存的内容不会丢失。</translation>
        </message>
        <message>
            <source>A report describing the problem was saved here. Please send this file to the person who looks after Study Notes:</source>
            <translation>问题报告已保存在下面的位置。请把这个文件发给负责维护学习札记的同志：</translation>
        </message>
        <message>
            <source>The report could not be saved (the disk may be full or read-only). Please copy the details below and send them to the person who looks after Study Notes:</source>
            <translation>问题报告无法保存（磁盘可能已满或只读）。请复制下面的详细信息，发给负责维护学习札记的同志：</translation>
        </message>
        <message>
            <source>&amp;Open Folder</source>
            <translation>打开文件夹(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Copy Path</source>
            <translation>复制路径(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Copy Details</source>
            <translation>复制详细信息(&amp;C)</translation>
        </message>
        <message>
            <source>C&amp;lose</source>
            <translation>关闭(&amp;L)</translation>
        </message>
    </context>
    <context>
        <name>DetachedBar</name>
        <message>
            <source>Re-attach…</source>
            <translation>重新附着…</translation>
        </message>
        <message>
            <source>Select the words in the text, then choose the highlight they belong to</source>
            <translation>先在正文中选中文字，再选择它所属的标注</translation>
        </message>
        <message numerus="yes">
            <source>%n highlight(s) could not be placed in the corrected text. Select the words and re-attach them, or remove them.</source>
            <translation>
                <numerusform>有 %n 处标注在修改后的文字中找不到位置。请选中文字重新附着，或删除它们。</numerusform>
            </translation>
        </message>
        <message>
            <source>Re-attach to the Selected Words</source>
            <translation>附着到选中的文字</translation>
        </message>
        <message>
            <source>Remove Highlight</source>
            <translation>删除标注</translation>
        </message>
    </context>
    <context>
        <name>ExportController</name>
        <message>
            <source>Open a material in the library first: the export prints the material being read.</source>
            <translation>请先在文库中打开一份学习材料：导出的是正在阅读的材料。</translation>
        </message>
        <message>
            <source>An export is already being generated…</source>
            <translation>已有一份导出正在生成…</translation>
        </message>
        <message>
            <source>Generating {name}…</source>
            <translation>正在生成 {name}…</translation>
        </message>
        <message>
            <source>Exported to {path}</source>
            <translation>已导出到 {path}</translation>
        </message>
        <message>
            <source>Export Failed</source>
            <translation>导出失败</translation>
        </message>
        <message>
            <source>The chosen font cannot be used in a PDF. Choose a TrueType font (.ttf or .ttc), or the default bundled font.

Details: {reason}</source>
            <translation>所选字体无法用于 PDF。请选择 TrueType 字体（.ttf 或 .ttc），或使用默认内置字体。

详细信息：{reason}</translation>
        </message>
        <message>
            <source>The PDF could not be written. Check that the folder exists and that you may save files there; if a PDF of the same name is open in another program, close it and try again. Nothing was saved.

Details: {reason}</source>
            <translation>无法写入 PDF。请检查文件夹是否存在、是否有权在其中保存文件；如果同名 PDF 已在其他程序中打开，请先关闭再重试。未保存任何文件。

详细信息：{reason}</translation>
        </message>
        <message>
            <source>The export could not be made: {reason}</source>
            <translation>无法导出：{reason}</translation>
        </message>
        <message>
            <source>An unexpected error stopped the export: {reason}</source>
            <translation>导出因意外错误而中止：{reason}</translation>
        </message>
        <message>
            <source>Export Finished</source>
            <translation>导出完成</translation>
        </message>
        <message>
            <source>Exported to {path} ({pages} pages).</source>
            <translation>已导出到 {path}（共 {pages} 页）。</translation>
        </message>
        <message>
            <source>Open Containing Folder</source>
            <translation>打开所在文件夹</translation>
        </message>
        <message>
            <source>Generating…</source>
            <translation>正在生成…</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>隐藏</translation>
        </message>
        <message>
            <source>Export Study Brief</source>
            <translation>导出学习简报</translation>
        </message>
        <message>
            <source>Export Training Handout</source>
            <translation>导出培训讲义</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export Study Brief</source>
            <translation>导出学习简报</translation>
        </message>
        <message>
            <source>Export Training Handout</source>
            <translation>导出培训讲义</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Material: {headline}</source>
            <translation>学习材料：{headline}</translation>
        </message>
        <message>
            <source>Cover</source>
            <translation>封面</translation>
        </message>
        <message>
            <source>yyyy-MM-dd</source>
            <translation>yyyy年M月d日</translation>
        </message>
        <message>
            <source>Study &amp;topic:</source>
            <translation>学习主题(&amp;T)：</translation>
        </message>
        <message>
            <source>&amp;Unit:</source>
            <translation>单位(&amp;U)：</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>姓名(&amp;N)：</translation>
        </message>
        <message>
            <source>&amp;Date:</source>
            <translation>日期(&amp;D)：</translation>
        </message>
        <message>
            <source>Contents</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>Commitments</source>
            <translation>承诺</translation>
        </message>
        <message>
            <source>Quotes</source>
            <translation>金句</translation>
        </message>
        <message>
            <source>Questions</source>
            <translation>疑问</translation>
        </message>
        <message>
            <source>Highlights:</source>
            <translation>标注类别：</translation>
        </message>
        <message>
            <source>Include the full text with highlights</source>
            <translation>包含全文及标注</translation>
        </message>
        <message>
            <source>Layout</source>
            <translation>版式</translation>
        </message>
        <message>
            <source>Official document layout (GB/T 9704)</source>
            <translation>公文格式（GB/T 9704）</translation>
        </message>
        <message>
            <source>Default bundled font</source>
            <translation>默认内置字体</translation>
        </message>
        <message>
            <source>Font file:</source>
            <translation>字体文件：</translation>
        </message>
        <message>
            <source>a TrueType font (.ttf or .ttc)</source>
            <translation>TrueType 字体（.ttf 或 .ttc）</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>Font number in the collection:</source>
            <translation>字体集中的序号：</translation>
        </message>
        <message>
            <source>Font:</source>
            <translation>字体：</translation>
        </message>
        <message>
            <source>Save As</source>
            <translation>保存为</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Study Brief</source>
            <translation>学习简报</translation>
        </message>
        <message>
            <source>Training Handout</source>
            <translation>培训讲义</translation>
        </message>
        <message>
            <source>Save the PDF As</source>
            <translation>将 PDF 保存为</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>PDF 文档 (*.pdf)</translation>
        </message>
        <message>
            <source>Choose a TrueType Font</source>
            <translation>选择 TrueType 字体</translation>
        </message>
        <message>
            <source>TrueType fonts (*.ttf *.ttc);;All files (*)</source>
            <translation>TrueType 字体 (*.ttf *.ttc);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Choose where to save the PDF.</source>
            <translation>请选择 PDF 的保存位置。</translation>
        </message>
        <message>
            <source>{path} is a folder: give the PDF a file name.</source>
            <translation>{path} 是一个文件夹，请为 PDF 指定文件名。</translation>
        </message>
        <message>
            <source>Choose a font file, or use the default bundled font.</source>
            <translation>请选择字体文件，或使用默认内置字体。</translation>
        </message>
        <message>
            <source>The font file {path} does not exist.</source>
            <translation>字体文件 {path} 不存在。</translation>
        </message>
    </context>
    <context>
        <name>Highlights</name>
        <message>
            <source>Commitment</source>
            <translation>承诺</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>金句</translation>
        </message>
        <message>
            <source>Question</source>
            <translation>疑问</translation>
        </message>
    </context>
    <context>
        <name>HighlightsPanel</name>
        <message>
            <source>Commitment</source>
            <translation>承诺</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>金句</translation>
        </message>
        <message>
            <source>Question</source>
            <translation>疑问</translation>
        </message>
        <message>
            <source>Untitled reflection</source>
            <translation>无标题心得</translation>
        </message>
        <message>
            <source>(no comment)</source>
            <translation>（无批注）</translation>
        </message>
        <message>
            <source>Current Material</source>
            <translation>当前材料</translation>
        </message>
        <message>
            <source>Whole Library</source>
            <translation>整个文库</translation>
        </message>
        <message>
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>The library is opening…</source>
            <translation>文库正在打开…</translation>
        </message>
        <message>
            <source>{count} highlights</source>
            <translation>共 {count} 处标注</translation>
        </message>
        <message>
            <source>No highlights in this material yet. Select words in the text to mark them.</source>
            <translation>本材料还没有标注。在正文中选中文字即可标注。</translation>
        </message>
        <message>
            <source>No highlights in the library yet.</source>
            <translation>文库中还没有标注。</translation>
        </message>
    </context>
    <context>
        <name>ImportReviewDialog</name>
        <message>
            <source>Check the import — {name}</source>
            <translation>导入核对 — {name}</translation>
        </message>
        <message>
            <source>Edit several fields</source>
            <translation>修改多项内容</translation>
        </message>
        <message>
            <source>Merge with previous</source>
            <translation>与上一篇合并</translation>
        </message>
        <message>
            <source>Merge with next</source>
            <translation>与下一篇合并</translation>
        </message>
        <message>
            <source>Split at cursor</source>
            <translation>在光标处拆分</translation>
        </message>
        <message>
            <source>Mark as lead</source>
            <translation>设为导语</translation>
        </message>
        <message>
            <source>Lead to reflection</source>
            <translation>导语转为心得</translation>
        </message>
        <message>
            <source>Move title and byline</source>
            <translation>移动标题和署名</translation>
        </message>
        <message>
            <source>Discard the corrections?</source>
            <translation>放弃修改？</translation>
        </message>
        <message>
            <source>You have corrected this page. Close without importing it and discard the corrections?</source>
            <translation>您已修改了本版。要不导入就关闭，并放弃这些修改吗？</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>Undo the last correction</source>
            <translation>撤销上一次修改</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <source>Redo the correction just undone</source>
            <translation>重做刚才撤销的修改</translation>
        </message>
        <message>
            <source>Join the selected reflection to the one above it</source>
            <translation>把选中的心得并入上面一篇</translation>
        </message>
        <message>
            <source>Join the selected reflection to the one below it</source>
            <translation>把选中的心得与下面一篇合并</translation>
        </message>
        <message>
            <source>Cut the selected reflection in two where the cursor stands in its body</source>
            <translation>在正文的光标位置把选中的心得拆成两篇</translation>
        </message>
        <message>
            <source>Use the selected body as the lead of the page</source>
            <translation>把选中的正文作为本版的导语</translation>
        </message>
        <message>
            <source>Turn the lead into an untitled first reflection</source>
            <translation>把导语改为第一篇（无标题的）心得</translation>
        </message>
        <message>
            <source>Move title+byline to…</source>
            <translation>把标题和署名移到…</translation>
        </message>
        <message>
            <source>Give the selected title and byline to a different body</source>
            <translation>把选中的标题和署名交给另一段正文</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Store the page as corrected</source>
            <translation>按修改后的结果保存本版</translation>
        </message>
        <message>
            <source>Check the import before it is stored</source>
            <translation>导入前请核对</translation>
        </message>
        <message>
            <source>Page: {name}</source>
            <translation>版面：{name}</translation>
        </message>
        <message>
            <source>Automatic structure is never perfect. Correct the page and each reflection below; nothing is stored until you press Import.</source>
            <translation>自动识别难免有误。请在下面核对并修改本版和每篇心得；按“导入”之前不会保存任何内容。</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Please check: the importer was unsure about this page.</source>
            <translation>请核对：以下内容自动识别时没有把握。</translation>
        </message>
        <message>
            <source>Body (to split it, first click where the next piece begins)</source>
            <translation>正文（要拆分时，先在下一篇的开头处点一下）</translation>
        </message>
        <message>
            <source>Study material</source>
            <translation>学习材料</translation>
        </message>
        <message>
            <source>No lead was found on this page.</source>
            <translation>本版没有识别出导语。</translation>
        </message>
        <message>
            <source>Headline</source>
            <translation>主标题</translation>
        </message>
        <message>
            <source>Subtitle</source>
            <translation>副标题</translation>
        </message>
        <message>
            <source>Lead</source>
            <translation>导语</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Author</source>
            <translation>作者</translation>
        </message>
        <message>
            <source>Affiliation</source>
            <translation>单位职务</translation>
        </message>
        <message>
            <source>No reflection selected</source>
            <translation>未选中心得</translation>
        </message>
        <message>
            <source>Reflection {number} of {count}</source>
            <translation>心得 第 {number} 篇 / 共 {count} 篇</translation>
        </message>
        <message>
            <source>Edit headline</source>
            <translation>修改主标题</translation>
        </message>
        <message>
            <source>Edit subtitle</source>
            <translation>修改副标题</translation>
        </message>
        <message>
            <source>Edit lead</source>
            <translation>修改导语</translation>
        </message>
        <message>
            <source>Edit title</source>
            <translation>修改标题</translation>
        </message>
        <message>
            <source>Edit author</source>
            <translation>修改作者</translation>
        </message>
        <message>
            <source>Edit affiliation</source>
            <translation>修改单位职务</translation>
        </message>
        <message>
            <source>Edit body</source>
            <translation>修改正文</translation>
        </message>
        <message>
            <source>Put the cursor inside the body where the second piece begins: a split at the very start or end would leave one part without text.</source>
            <translation>请把光标放在正文中第二篇开始的位置：在正文最开头或最末尾拆分，会使其中一篇没有内容。</translation>
        </message>
        <message>
            <source>This reflection has no body to split.</source>
            <translation>这篇心得没有可拆分的正文。</translation>
        </message>
        <message>
            <source>The first reflection has no reflection above it to merge with.</source>
            <translation>第一篇心得上面没有可合并的心得。</translation>
        </message>
        <message>
            <source>The last reflection has no reflection below it to merge with.</source>
            <translation>最后一篇心得下面没有可合并的心得。</translation>
        </message>
        <message>
            <source>This reflection has no title or byline to move.</source>
            <translation>这篇心得没有可移动的标题或署名。</translation>
        </message>
        <message>
            <source>This reflection has no body to use as the lead.</source>
            <translation>这篇心得没有可作为导语的正文。</translation>
        </message>
        <message>
            <source>The page has no lead to turn into a reflection.</source>
            <translation>本版没有可转为心得的导语。</translation>
        </message>
    </context>
    <context>
        <name>KeywordBar</name>
        <message>
            <source>Keywords:</source>
            <translation>关键词：</translation>
        </message>
        <message>
            <source>No keywords found.</source>
            <translation>未找到关键词。</translation>
        </message>
        <message>
            <source>Find other passages about “{word}”</source>
            <translation>查找其他关于“{word}”的内容</translation>
        </message>
    </context>
    <context>
        <name>LibraryModel</name>
        <message>
            <source>Untitled material</source>
            <translation>无标题材料</translation>
        </message>
        <message>
            <source>{count} reflections · {source}</source>
            <translation>{count} 篇心得 · {source}</translation>
        </message>
        <message>
            <source>Untitled reflection</source>
            <translation>无标题心得</translation>
        </message>
    </context>
    <context>
        <name>LibraryRecoveryDialog</name>
        <message>
            <source>The Library Cannot Be Opened</source>
            <translation>文库无法打开</translation>
        </message>
        <message>
            <source>This library file is not a Study Notes library, or it is damaged:</source>
            <translation>这个文库文件不是学习札记的文库，或者已经损坏：</translation>
        </message>
        <message>
            <source>Nothing has been changed. Whatever you choose, this file is kept: it is only renamed, in the same folder, so that it can still be rescued.</source>
            <translation>目前没有做任何改动。无论您选择哪一项，这个文件都会保留：只是在原文件夹中改名，以便日后仍可挽救。</translation>
        </message>
        <message>
            <source>The last automatic copy of the library was made on {date}.</source>
            <translation>文库最近一次自动备份于 {date}。</translation>
        </message>
        <message>
            <source>There is no automatic copy of this library to restore.</source>
            <translation>这个文库没有可以恢复的自动备份。</translation>
        </message>
        <message>
            <source>&amp;Restore the Last Copy</source>
            <translation>恢复最近的备份(&amp;R)</translation>
        </message>
        <message>
            <source>Start a &amp;New Library</source>
            <translation>新建一个文库(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>关闭(&amp;C)</translation>
        </message>
        <message>
            <source>Nothing Was Changed</source>
            <translation>未做任何改动</translation>
        </message>
        <message>
            <source>The library file could not be renamed or replaced ({reason}). Nothing was changed. Check that the folder may be written to, or ask for help.</source>
            <translation>文库文件无法改名或替换（{reason}）。没有做任何改动。请检查该文件夹是否可写，或请人协助。</translation>
        </message>
        <message>
            <source>The last automatic copy has been restored.</source>
            <translation>已恢复最近的自动备份。</translation>
        </message>
        <message>
            <source>A new, empty library has been started.</source>
            <translation>已新建一个空文库。</translation>
        </message>
        <message>
            <source>{done}

The damaged file has been kept as:
{path}</source>
            <translation>{done}

损坏的文件已保留为：
{path}</translation>
        </message>
    </context>
    <context>
        <name>MainActions</name>
        <message>
            <source>&amp;Import File…</source>
            <translation>导入文件(&amp;I)…</translation>
        </message>
        <message>
            <source>Import a page of reflections saved as a text file</source>
            <translation>导入保存为文本文件的心得版面</translation>
        </message>
        <message>
            <source>Import File</source>
            <translation>导入文件</translation>
        </message>
        <message>
            <source>Import &amp;Pasted Text</source>
            <translation>导入粘贴的文本(&amp;P)</translation>
        </message>
        <message>
            <source>Import the page of reflections copied to the clipboard</source>
            <translation>导入复制到剪贴板的心得版面</translation>
        </message>
        <message>
            <source>Import Pasted Text</source>
            <translation>粘贴导入</translation>
        </message>
        <message>
            <source>Export Study &amp;Brief…</source>
            <translation>导出学习简报(&amp;B)…</translation>
        </message>
        <message>
            <source>Export the material being read, with your highlights and notes, as a PDF study brief</source>
            <translation>将正在阅读的材料连同您的标注和笔记导出为 PDF 学习简报</translation>
        </message>
        <message>
            <source>Export Brief</source>
            <translation>导出简报</translation>
        </message>
        <message>
            <source>Export Training &amp;Handout…</source>
            <translation>导出培训讲义(&amp;H)…</translation>
        </message>
        <message>
            <source>Export the material being read as a PDF handout for a study session</source>
            <translation>将正在阅读的材料导出为学习会用的 PDF 培训讲义</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>Close Study Notes</source>
            <translation>关闭学习札记</translation>
        </message>
        <message>
            <source>&amp;Previous Reflection</source>
            <translation>上一篇心得(&amp;P)</translation>
        </message>
        <message>
            <source>Read the previous reflection</source>
            <translation>阅读上一篇心得</translation>
        </message>
        <message>
            <source>Previous</source>
            <translation>上一篇</translation>
        </message>
        <message>
            <source>&amp;Next Reflection</source>
            <translation>下一篇心得(&amp;N)</translation>
        </message>
        <message>
            <source>Read the next reflection</source>
            <translation>阅读下一篇心得</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>下一篇</translation>
        </message>
        <message>
            <source>&amp;Larger Text</source>
            <translation>放大文字(&amp;L)</translation>
        </message>
        <message>
            <source>Make the reading text larger</source>
            <translation>放大阅读文字</translation>
        </message>
        <message>
            <source>Larger Text</source>
            <translation>放大文字</translation>
        </message>
        <message>
            <source>&amp;Smaller Text</source>
            <translation>缩小文字(&amp;S)</translation>
        </message>
        <message>
            <source>Make the reading text smaller</source>
            <translation>缩小阅读文字</translation>
        </message>
        <message>
            <source>Smaller Text</source>
            <translation>缩小文字</translation>
        </message>
        <message>
            <source>&amp;Actual Size</source>
            <translation>默认大小(&amp;A)</translation>
        </message>
        <message>
            <source>Reset the reading text to its normal size</source>
            <translation>将阅读文字恢复为默认大小</translation>
        </message>
        <message>
            <source>Go to &amp;Library</source>
            <translation>转到文库(&amp;B)</translation>
        </message>
        <message>
            <source>Move the keyboard focus to the library panel</source>
            <translation>将键盘焦点移到文库面板</translation>
        </message>
        <message>
            <source>Go to &amp;Reading Pane</source>
            <translation>转到阅读区(&amp;R)</translation>
        </message>
        <message>
            <source>Move the keyboard focus to the reading pane</source>
            <translation>将键盘焦点移到阅读区</translation>
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation>搜索(&amp;F)…</translation>
        </message>
        <message>
            <source>Search the whole library: titles, authors, texts, notes and comments</source>
            <translation>搜索整个文库：标题、作者、正文、笔记和批注</translation>
        </message>
        <message>
            <source>Find</source>
            <translation>搜索</translation>
        </message>
        <message>
            <source>&amp;Notes Pane</source>
            <translation>笔记栏(&amp;N)</translation>
        </message>
        <message>
            <source>Show or hide your notes beside the text</source>
            <translation>显示或隐藏正文旁的笔记</translation>
        </message>
        <message>
            <source>&amp;Highlights Pane</source>
            <translation>标注列表(&amp;H)</translation>
        </message>
        <message>
            <source>Show or hide the list of highlights</source>
            <translation>显示或隐藏标注列表</translation>
        </message>
        <message>
            <source>S&amp;earch Pane</source>
            <translation>搜索栏(&amp;E)</translation>
        </message>
        <message>
            <source>Show or hide the search pane</source>
            <translation>显示或隐藏搜索栏</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <source>Undo the last change</source>
            <translation>撤销上一步修改</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <source>Redo the change just undone</source>
            <translation>重做刚撤销的修改</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <source>Mark as &amp;Commitment</source>
            <translation>标为承诺(&amp;C)</translation>
        </message>
        <message>
            <source>Highlight the selected words as a key commitment</source>
            <translation>把选中的文字标注为重点承诺</translation>
        </message>
        <message>
            <source>Commitment</source>
            <translation>承诺</translation>
        </message>
        <message>
            <source>Mark as &amp;Quote</source>
            <translation>标为金句(&amp;Q)</translation>
        </message>
        <message>
            <source>Highlight the selected words as a quote worth remembering</source>
            <translation>把选中的文字标注为金句</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>金句</translation>
        </message>
        <message>
            <source>Mark as &amp;Question</source>
            <translation>标为疑问(&amp;U)</translation>
        </message>
        <message>
            <source>Highlight the selected words as a question to discuss</source>
            <translation>把选中的文字标注为疑问</translation>
        </message>
        <message>
            <source>Question</source>
            <translation>疑问</translation>
        </message>
        <message>
            <source>&amp;Comment on Highlight…</source>
            <translation>批注(&amp;C)…</translation>
        </message>
        <message>
            <source>Write a comment on the highlight at the cursor</source>
            <translation>为光标处的标注写批注</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>批注</translation>
        </message>
        <message>
            <source>&amp;Remove Highlight</source>
            <translation>删除标注(&amp;R)</translation>
        </message>
        <message>
            <source>Remove the highlight at the cursor</source>
            <translation>删除光标处的标注</translation>
        </message>
        <message>
            <source>&amp;Delete Material…</source>
            <translation>删除学习材料(&amp;D)…</translation>
        </message>
        <message>
            <source>Delete the selected material with its highlights and notes</source>
            <translation>删除选中的学习材料及其标注和笔记</translation>
        </message>
        <message>
            <source>&amp;About Study Notes</source>
            <translation>关于学习札记(&amp;A)</translation>
        </message>
        <message>
            <source>About this program</source>
            <translation>关于本程序</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>查看(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Annotate</source>
            <translation>标注(&amp;A)</translation>
        </message>
        <message>
            <source>Main Toolbar</source>
            <translation>主工具栏</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Study Notes</source>
            <translation>学习札记</translation>
        </message>
        <message>
            <source>Opening the library…</source>
            <translation>正在打开文库…</translation>
        </message>
        <message>
            <source>Library</source>
            <translation>文库</translation>
        </message>
        <message>
            <source>Library: {location}</source>
            <translation>文库：{location}</translation>
        </message>
        <message>
            <source>The library is empty. Import a page with File ▸ Import File (Ctrl+O).</source>
            <translation>文库是空的。请用“文件 ▸ 导入文件”（Ctrl+O）导入一个版面。</translation>
        </message>
        <message>
            <source>Welcome! A sample page has been imported to start with.</source>
            <translation>欢迎使用！已为您导入一个示例版面。</translation>
        </message>
        <message>
            <source>Library Already Open</source>
            <translation>文库已被打开</translation>
        </message>
        <message>
            <source>This library is already open in another Study Notes window:
{location}

Switch to that window, or close it and start Study Notes again.</source>
            <translation>这个文库已在另一个学习札记窗口中打开：
{location}

请切换到那个窗口，或者关闭它后重新启动学习札记。</translation>
        </message>
        <message>
            <source>Not a Study Notes Library</source>
            <translation>不是学习札记文库</translation>
        </message>
        <message>
            <source>This file is not a Study Notes library, or it is damaged:
{location}

It has been left untouched. Start Study Notes with another library file.</source>
            <translation>这个文件不是学习札记文库，或者已经损坏：
{location}

文件未被改动。请使用另一个文库文件启动学习札记。</translation>
        </message>
        <message>
            <source>Cannot Open the Library</source>
            <translation>无法打开文库</translation>
        </message>
        <message>
            <source>The library cannot be opened:
{location}

{reason}</source>
            <translation>无法打开文库：
{location}

{reason}</translation>
        </message>
        <message>
            <source>An unexpected error stopped the library from opening:
{reason}</source>
            <translation>发生意外错误，文库未能打开：
{reason}</translation>
        </message>
        <message>
            <source>Materials: {materials} · Reflections: {reflections}</source>
            <translation>材料 {materials} 份 · 心得 {reflections} 篇</translation>
        </message>
        <message>
            <source>Reading text size: {size} pt</source>
            <translation>阅读文字大小：{size} 磅</translation>
        </message>
        <message>
            <source>Import a Page of Reflections</source>
            <translation>导入心得版面</translation>
        </message>
        <message>
            <source>Text files (*.txt);;All files (*)</source>
            <translation>文本文件 (*.txt);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Nothing to Import</source>
            <translation>没有可导入的内容</translation>
        </message>
        <message>
            <source>The clipboard holds no text. Copy the page of reflections first (select it and press Ctrl+C), then choose Import Pasted Text again.</source>
            <translation>剪贴板中没有文字。请先复制心得版面（选中后按 Ctrl+C），再选择“导入粘贴的文本”。</translation>
        </message>
        <message>
            <source>Pasted text {date}</source>
            <translation>粘贴的文本 {date}</translation>
        </message>
        <message>
            <source>Library Not Ready</source>
            <translation>文库尚未就绪</translation>
        </message>
        <message>
            <source>The library is still opening. Please try again in a moment.</source>
            <translation>文库正在打开，请稍后再试。</translation>
        </message>
        <message>
            <source>Reading {name}…</source>
            <translation>正在读取 {name}…</translation>
        </message>
        <message>
            <source>Import cancelled.</source>
            <translation>已取消导入。</translation>
        </message>
        <message>
            <source>Saving {name}…</source>
            <translation>正在保存 {name}…</translation>
        </message>
        <message>
            <source>Imported {count} reflections.</source>
            <translation>已导入 {count} 篇心得。</translation>
        </message>
        <message>
            <source>Deleting “{headline}”…</source>
            <translation>正在删除“{headline}”…</translation>
        </message>
        <message>
            <source>Delete Material</source>
            <translation>删除学习材料</translation>
        </message>
        <message>
            <source>Delete “{headline}” from the library?</source>
            <translation>从文库中删除“{headline}”吗？</translation>
        </message>
        <message>
            <source>Its {count} reflections go with it, and so do your highlights, notes and study reflection on them. This cannot be undone.</source>
            <translation>其中的 {count} 篇心得，以及你在这份材料上所做的标注、笔记和学习心得，都将一并删除，且无法撤销。</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>删除(&amp;D)</translation>
        </message>
        <message>
            <source>Deleted “{headline}”.</source>
            <translation>已删除“{headline}”。</translation>
        </message>
        <message>
            <source>The library is empty. Import a page to begin.</source>
            <translation>文库是空的。请先导入一份学习材料。</translation>
        </message>
        <message>
            <source>Delete Failed</source>
            <translation>删除失败</translation>
        </message>
        <message>
            <source>The material could not be deleted: {reason}</source>
            <translation>未能删除这份学习材料：{reason}</translation>
        </message>
        <message>
            <source>Already in the Library</source>
            <translation>文库中已有此版面</translation>
        </message>
        <message>
            <source>This page is already in the library. It has been selected for you; nothing was imported twice.</source>
            <translation>这个版面已经在文库中，已为您选中它；没有重复导入。</translation>
        </message>
        <message>
            <source>Cannot Import This Page</source>
            <translation>无法导入这个版面</translation>
        </message>
        <message>
            <source>Import Failed</source>
            <translation>导入失败</translation>
        </message>
        <message>
            <source>The page could not be saved in the library: {reason}</source>
            <translation>版面未能保存到文库中：{reason}</translation>
        </message>
        <message>
            <source>An unexpected error stopped the import: {reason}</source>
            <translation>发生意外错误，导入未能完成：{reason}</translation>
        </message>
        <message>
            <source>This file is not a text file. Save the page as plain text (.txt) and try again.</source>
            <translation>这个文件不是文本文件。请把版面另存为纯文本（.txt）后再试。</translation>
        </message>
        <message>
            <source>The page is empty: there is nothing to import.</source>
            <translation>版面是空的，没有可导入的内容。</translation>
        </message>
        <message>
            <source>This file is too large to be one page of reflections.</source>
            <translation>这个文件太大，不像是一个心得版面。</translation>
        </message>
        <message>
            <source>The text of this file cannot be read: its encoding is not recognised.</source>
            <translation>无法读取这个文件的文字：无法识别其编码。</translation>
        </message>
        <message>
            <source>This file cannot be opened. Check that it exists and that you may read it.</source>
            <translation>无法打开这个文件。请检查文件是否存在、您是否有权读取。</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>笔记</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <source>Highlights</source>
            <translation>标注列表</translation>
        </message>
        <message>
            <source>Your note could not be saved: {reason}</source>
            <translation>笔记未能保存：{reason}</translation>
        </message>
    </context>
    <context>
        <name>MoveBylineDialog</name>
        <message>
            <source>Move title and byline</source>
            <translation>移动标题和署名</translation>
        </message>
        <message>
            <source>Give the title and byline of No. {number} to which body?</source>
            <translation>把第 {number} 篇的标题和署名交给哪段正文？</translation>
        </message>
        <message>
            <source>(no title)</source>
            <translation>（无标题）</translation>
        </message>
        <message>
            <source>The body you choose gives its own title and byline, if any, in exchange.</source>
            <translation>所选正文原有的标题和署名（如有）将与之互换。</translation>
        </message>
        <message>
            <source>now titled: {title}</source>
            <translation>目前标题：{title}</translation>
        </message>
        <message>
            <source>now without a title</source>
            <translation>目前没有标题</translation>
        </message>
        <message>
            <source>(no body)</source>
            <translation>（无正文）</translation>
        </message>
        <message>
            <source>Move</source>
            <translation>移动</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>NotesPane</name>
        <message>
            <source>Note on This Reflection</source>
            <translation>本篇笔记</translation>
        </message>
        <message>
            <source>Your note on this reflection: what struck you, what to do. Saved as you type.</source>
            <translation>写下本篇心得给您的启发和要做的事，边写边自动保存。</translation>
        </message>
        <message>
            <source>Study Reflection on This Material</source>
            <translation>本材料学习心得</translation>
        </message>
        <message>
            <source>What you learned from this page as a whole. Saved as you type.</source>
            <translation>学习这一整版材料的心得体会，边写边自动保存。</translation>
        </message>
        <message>
            <source>Editing…</source>
            <translation>正在编辑…</translation>
        </message>
        <message>
            <source>Not saved: {reason}</source>
            <translation>未能保存：{reason}</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>已保存</translation>
        </message>
    </context>
    <context>
        <name>NoticeText</name>
        <message>
            <source>The page contains no text.</source>
            <translation>页面中没有文字。</translation>
        </message>
        <message>
            <source>No headline was recognised.</source>
            <translation>没有识别出版面标题。</translation>
        </message>
        <message>
            <source>Ignored a line that is neither a title nor a byline: “{line}”.</source>
            <translation>已忽略一行既不是标题也不是署名的文字：“{line}”。</translation>
        </message>
        <message>
            <source>The first line was read as a title, not as the page's headline.</source>
            <translation>第一行被识别为心得标题，而不是版面标题。</translation>
        </message>
        <message>
            <source>No titles or bylines were recognised: the page was imported as one untitled piece.</source>
            <translation>没有识别出标题或署名：整版作为一篇无标题文章导入。</translation>
        </message>
        <message>
            <source>A title and byline could not be placed (no body left for it): “{heading}”.</source>
            <translation>有一组标题和署名找不到对应的正文：“{heading}”。</translation>
        </message>
        <message>
            <source>A piece without title or byline was found: “{opening}”.</source>
            <translation>发现一篇没有标题和署名的文章：“{opening}”。</translation>
        </message>
        <message>
            <source>The title “{heading}” stood far from its body; check that it belongs to the piece beginning “{opening}”.</source>
            <translation>标题“{heading}”离正文较远，请确认它属于以“{opening}”开头的文章。</translation>
        </message>
        <message>
            <source>A piece has no title: “{opening}”.</source>
            <translation>有一篇文章没有标题：“{opening}”。</translation>
        </message>
        <message>
            <source>No reflections were recognised: the page was imported as one untitled piece.</source>
            <translation>没有识别出心得：整版作为一篇无标题文章导入。</translation>
        </message>
        <message>
            <source>The page's structure could not be recognised; it was imported as one untitled piece.</source>
            <translation>无法识别页面结构，已作为一篇无标题文章导入。</translation>
        </message>
    </context>
    <context>
        <name>ReadingView</name>
        <message>
            <source>Suggested commitment: click to accept or dismiss it</source>
            <translation>建议的承诺：单击可采纳或忽略</translation>
        </message>
        <message>
            <source>{position} of {count}</source>
            <translation>第 {position} 篇，共 {count} 篇</translation>
        </message>
        <message>
            <source>Untitled reflection</source>
            <translation>无标题心得</translation>
        </message>
        <message>
            <source>{source} · imported {date}</source>
            <translation>{source} · {date} 导入</translation>
        </message>
        <message>
            <source>Untitled material</source>
            <translation>无标题材料</translation>
        </message>
        <message>
            <source>Reflections in this material ({count})</source>
            <translation>本材料中的心得（{count} 篇）</translation>
        </message>
    </context>
    <context>
        <name>ReflectionTableModel</name>
        <message>
            <source>No.</source>
            <extracomment>(row, field, new value) — the user edited a title, author or affiliation in place.</extracomment>
            <translation>序号</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Author</source>
            <translation>作者</translation>
        </message>
        <message>
            <source>Affiliation</source>
            <translation>单位职务</translation>
        </message>
        <message>
            <source>Opening words of the body</source>
            <translation>正文开头</translation>
        </message>
        <message>
            <source>Paragraphs</source>
            <translation>段数</translation>
        </message>
        <message>
            <source>Double-click or press F2 to correct it here.</source>
            <translation>双击或按 F2 可直接在此修改。</translation>
        </message>
        <message>
            <source>(no title)</source>
            <translation>（无标题）</translation>
        </message>
        <message>
            <source>(no body)</source>
            <translation>（无正文）</translation>
        </message>
        <message>
            <source>This body has no title or byline of its own.</source>
            <translation>这段正文没有自己的标题和署名。</translation>
        </message>
        <message>
            <source>On the page, the title and byline stood before this body.</source>
            <translation>版面上，标题和署名位于这段正文之前。</translation>
        </message>
        <message>
            <source>On the page, the title and byline stood after this body.</source>
            <translation>版面上，标题和署名位于这段正文之后。</translation>
        </message>
        <message>
            <source>On the page, the title and byline stood away from this body: check that they belong to it.</source>
            <translation>版面上，标题和署名与这段正文相隔较远：请核对是否属于它。</translation>
        </message>
        <message>
            <source>The title and byline belong to this body.</source>
            <translation>标题和署名属于这段正文。</translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message>
            <source>in the title</source>
            <translation>标题中</translation>
        </message>
        <message>
            <source>in the author</source>
            <translation>作者中</translation>
        </message>
        <message>
            <source>in the affiliation</source>
            <translation>单位职务中</translation>
        </message>
        <message>
            <source>in the text</source>
            <translation>正文中</translation>
        </message>
        <message>
            <source>in your note</source>
            <translation>笔记中</translation>
        </message>
        <message>
            <source>in a highlight's comment</source>
            <translation>标注批注中</translation>
        </message>
        <message>
            <source>Untitled reflection</source>
            <translation>无标题心得</translation>
        </message>
        <message>
            <source>{count} hits</source>
            <translation>{count} 处</translation>
        </message>
        <message>
            <source>Search titles, authors, texts, notes…</source>
            <translation>搜索标题、作者、正文、笔记…</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <source>The library is opening…</source>
            <translation>文库正在打开…</translation>
        </message>
        <message>
            <source>Type a word to search the whole library; one character is enough.</source>
            <translation>输入词语搜索整个文库，一个字也可以。</translation>
        </message>
        <message>
            <source>Nothing found for “{query}”.</source>
            <translation>没有找到“{query}”。</translation>
        </message>
        <message>
            <source>The best {shown} of {total} reflections; add a word to narrow the search.</source>
            <translation>共 {total} 篇心得，显示最相关的 {shown} 篇；再加一个词可缩小范围。</translation>
        </message>
        <message>
            <source>{count} reflections found</source>
            <translation>找到 {count} 篇心得</translation>
        </message>
    </context>
    <context>
        <name>dialog</name>
        <message>
            <source>Library Recovered</source>
            <translation>文库已恢复</translation>
        </message>
    </context>
</TS>
