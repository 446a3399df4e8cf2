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
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import pages of reflections from the newspaper, read them comfortably, mark what matters and prepare study briefs. Free software under the GNU General Public License, version 3 or later.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Component</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Licence</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Study Notes includes the following components, each under its own licence:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>Study Notes Ran Into a Problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An unexpected error occurred. What was already saved in the library is kept.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A report describing the problem was saved here. Please send this file to the person who looks after Study Notes:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The report could not be saved (the disk may be full or read-only). Please copy the details below and send them to the person who looks after Study Notes:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Open Folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Copy Path</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Copy Details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>C&amp;lose</source>
            <translation type="unfinished" />
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
            <translation type="unfinished" />
        </message>
        <message>
            <source>This library file is not a Study Notes library, or it is damaged:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing has been changed. Whatever you choose, this file is kept: it is only renamed, in the same folder, so that it can still be rescued.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The last automatic copy of the library was made on {date}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no automatic copy of this library to restore.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Restore the Last Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start a &amp;New Library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing Was Changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The library file could not be renamed or replaced ({reason}). Nothing was changed. Check that the folder may be written to, or ask for help.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The last automatic copy has been restored.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A new, empty library has been started.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{done}

The damaged file has been kept as:
{path}</source>
            <translation type="unfinished" />
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
            <source>About Study Notes</source>
            <translation>关于学习札记</translation>
        </message>
        <message>
            <source>Study Notes {version}

Import pages of reflections from the newspaper, read them comfortably, mark what matters and prepare study briefs.

Chinese text is shown with the Droid Sans Fallback font (Apache License 2.0).</source>
            <translation>学习札记 {version}

导入报纸上的心得版面，舒适地阅读，标注要点，编写学习简报。

中文使用 Droid Sans Fallback 字体显示（Apache 许可证 2.0）。</translation>
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
        <name>ReadingView</name>
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
        <name>dialog</name>
        <message>
            <source>Library Recovered</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
