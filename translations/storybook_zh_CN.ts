<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DiagnosticsPage</name>
    <message>
        <source>Checks each step from this computer to the model, using the values on the other pages, even before you save them.</source>
        <translation>从这台电脑到模型，逐一检查每个环节。检查时使用其他页面上填写的设置，即使还没有保存也可以。</translation>
    </message>
    <message>
        <source>R&amp;un checks</source>
        <translation>开始检查(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>复制报告(&amp;C)</translation>
    </message>
    <message>
        <source>Copies the results, without passwords or keys, to paste into a message to whoever helps you.</source>
        <translation>复制检查结果（不含密码和密钥），方便粘贴到消息里，发给帮你解决问题的人。</translation>
    </message>
    <message>
        <source>Check results</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>怎么办</translation>
    </message>
    <message>
        <source>Recent &amp;log:</source>
        <translation>最近的日志(&amp;L)：</translation>
    </message>
    <message>
        <source>Recent log</source>
        <translation>最近的日志</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>Interface &amp;language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>A new language is used after a restart.</source>
        <translation>重新启动后使用新的语言。</translation>
    </message>
    <message>
        <source>Reading aloud</source>
        <translation>朗读</translation>
    </message>
    <message>
        <source>&amp;Voice:</source>
        <translation>声音(&amp;V)：</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>声音</translation>
    </message>
    <message>
        <source>&amp;Speed:</source>
        <translation>语速(&amp;S)：</translation>
    </message>
    <message>
        <source>Reading speed</source>
        <translation>朗读语速</translation>
    </message>
    <message>
        <source>&amp;Listen</source>
        <translation>试听(&amp;L)</translation>
    </message>
    <message>
        <source>Listen to the voice</source>
        <translation>试听这个声音</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>A proxy is a go-between for internet traffic. If a program such as Clash or v2rayN gets you online, it is a proxy: find its port in that program and enter 127.0.0.1 with that port below. When unsure, use the system proxy.</source>
        <translation>代理就像上网流量的“中转站”。如果你是靠 Clash 或 v2rayN 这类程序上网的，它就是代理：在这个程序里找到它的端口，然后在下面填入 127.0.0.1 和这个端口。不确定的话，就选系统代理。</translation>
    </message>
    <message>
        <source>&amp;No proxy: connect directly</source>
        <translation>不使用代理：直接连接(&amp;N)</translation>
    </message>
    <message>
        <source>S&amp;ystem proxy: use this computer&apos;s settings</source>
        <translation>系统代理：使用这台电脑的设置(&amp;Y)</translation>
    </message>
    <message>
        <source>What the system proxy means right now</source>
        <translation>系统代理目前的实际情况</translation>
    </message>
    <message>
        <source>&amp;HTTP proxy</source>
        <translation>HTTP 代理(&amp;H)</translation>
    </message>
    <message>
        <source>SOC&amp;KS5 proxy</source>
        <translation>SOCKS5 代理(&amp;K)</translation>
    </message>
    <message>
        <source>Proxy &amp;address:</source>
        <translation>代理地址(&amp;A)：</translation>
    </message>
    <message>
        <source>Proxy address</source>
        <translation>代理地址</translation>
    </message>
    <message>
        <source>A host name or IP address. You may also paste a whole proxy address such as socks5://127.0.0.1:1080.</source>
        <translation>主机名或 IP 地址。也可以直接粘贴完整的代理地址，例如 socks5://127.0.0.1:1080。</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Proxy port</source>
        <translation>代理端口</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Only if the proxy asks for one</source>
        <translation>仅在代理要求时填写</translation>
    </message>
    <message>
        <source>Proxy username</source>
        <translation>代理用户名</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>代理密码</translation>
    </message>
    <message>
        <source>&amp;Resolve host names through the proxy</source>
        <translation>通过代理解析主机名(&amp;R)</translation>
    </message>
    <message>
        <source>Recommended. The proxy looks up the server&apos;s address itself (socks5h), which avoids wrong or blocked answers from the local network.</source>
        <translation>推荐开启。由代理自己解析服务器的地址（socks5h），可以避免本地网络返回错误或被屏蔽的解析结果。</translation>
    </message>
    <message>
        <source>Bypass &amp;for:</source>
        <translation>绕过列表(&amp;F)：</translation>
    </message>
    <message>
        <source>Addresses that never use the proxy</source>
        <translation>始终不经过代理的地址</translation>
    </message>
    <message>
        <source>Comma-separated addresses that are reached directly, e.g. localhost,127.0.0.0/8,::1,.example.com</source>
        <translation>直接连接、不经过代理的地址，用英文逗号分隔，例如 localhost,127.0.0.0/8,::1,.example.com</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>&amp;Connection timeout:</source>
        <translation>连接超时(&amp;C)：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Connection timeout in seconds</source>
        <translation>连接超时（秒）</translation>
    </message>
    <message>
        <source>How long to wait for the server (or proxy) to accept a connection.</source>
        <translation>等待服务器（或代理）接受连接的最长时间。</translation>
    </message>
    <message>
        <source>&amp;Silence timeout:</source>
        <translation>空闲超时(&amp;S)：</translation>
    </message>
    <message>
        <source>Silence timeout in seconds</source>
        <translation>空闲超时（秒）</translation>
    </message>
    <message>
        <source>How long the server may stay silent while writing before the request is given up.</source>
        <translation>服务器在写的过程中最多可以多久不发送任何数据，超过这个时间就放弃这次请求。</translation>
    </message>
    <message>
        <source>&amp;Total time limit:</source>
        <translation>总超时(&amp;T)：</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限制</translation>
    </message>
    <message>
        <source>Total time limit in seconds, 0 for no limit</source>
        <translation>总超时（秒），0 表示不限制</translation>
    </message>
    <message>
        <source>R&amp;etries:</source>
        <translation>重试次数(&amp;E)：</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>重试次数</translation>
    </message>
    <message>
        <source>How often a failed request is tried again before an error is shown.</source>
        <translation>请求失败后，在显示错误之前重新尝试的次数。</translation>
    </message>
    <message>
        <source>E&amp;xtra certificates:</source>
        <translation>额外证书(&amp;X)：</translation>
    </message>
    <message>
        <source>Usually empty; a PEM file from your school or company IT</source>
        <translation>通常留空；如有需要，填写学校或公司 IT 部门提供的 PEM 文件</translation>
    </message>
    <message>
        <source>Extra CA certificates file</source>
        <translation>额外的 CA 证书文件</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose a certificates file</source>
        <translation>选择证书文件</translation>
    </message>
    <message>
        <source>Use HTTP/&amp;2</source>
        <translation>使用 HTTP/2(&amp;2)</translation>
    </message>
    <message>
        <source>Faster with most servers. Turn it off if a proxy or old server has trouble with it.</source>
        <translation>对大多数服务器来说速度更快。如果代理或较旧的服务器用它时出问题，请关闭。</translation>
    </message>
</context>
<context>
    <name>ProviderPage</name>
    <message>
        <source>Choose the service that writes the stories. A service on the internet needs an API key from its website; a program on this computer (Ollama, LM Studio, llama.cpp) does not.</source>
        <translation>选择由哪个服务来写故事。网上的服务需要到它的网站上申请 API 密钥；在这台电脑上运行的程序（Ollama、LM Studio、llama.cpp）则不需要。</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>服务商(&amp;P)：</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>Picking a provider fills in its server address and a suggested model.</source>
        <translation>选好服务商后，会自动填入它的服务器地址和推荐的模型。</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>服务器地址(&amp;S)：</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>The address of the OpenAI-compatible API, usually ending in /v1.</source>
        <translation>兼容 OpenAI 的 API 地址，通常以 /v1 结尾。</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Not needed for a program on this computer</source>
        <translation>使用这台电脑上的程序时无需填写</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>显示(&amp;H)</translation>
    </message>
    <message>
        <source>Show the API key</source>
        <translation>显示 API 密钥</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Type a model name or pick one the server offers.</source>
        <translation>输入模型名称，或从服务器提供的模型中选择一个。</translation>
    </message>
    <message>
        <source>&amp;Refresh list</source>
        <translation>刷新列表(&amp;R)</translation>
    </message>
    <message>
        <source>Refresh the model list</source>
        <translation>刷新模型列表</translation>
    </message>
    <message>
        <source>Asks the server which models it offers, with the values entered here.</source>
        <translation>用这里填写的设置，向服务器查询它提供哪些模型。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>设置页面</translation>
    </message>
</context>
<context>
    <name>Storybook::App::ChildMode</name>
    <message>
        <source>&amp;Child mode</source>
        <translation>儿童模式(&amp;C)</translation>
    </message>
    <message>
        <source>Child mode: only reading and answering, full screen (F12)</source>
        <translation>儿童模式：全屏，只能阅读和回答 (F12)</translation>
    </message>
    <message>
        <source>Child mode &amp;PIN…</source>
        <translation>儿童模式密码(&amp;P)…</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>家长</translation>
    </message>
    <message>
        <source>Leave child mode (for grown-ups)</source>
        <translation>退出儿童模式（给大人用）</translation>
    </message>
    <message>
        <source>Let&apos;s choose another way! Pick another answer below.</source>
        <translation>我们换一条路走吧！请在下面选另一个答案。</translation>
    </message>
    <message>
        <source>Type the parent PIN to leave child mode.</source>
        <translation>输入家长密码以退出儿童模式。</translation>
    </message>
    <message>
        <source>The settings are locked. Type the parent PIN to open them.</source>
        <translation>设置已锁定。输入家长密码以打开设置。</translation>
    </message>
</context>
<context>
    <name>Storybook::App::ErrorBanner</name>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Show the details</source>
        <translation>显示详情</translation>
    </message>
    <message>
        <source>Provider settings</source>
        <translation>服务商设置</translation>
    </message>
    <message>
        <source>Picture settings</source>
        <translation>图片设置</translation>
    </message>
    <message>
        <source>Network diagnostics</source>
        <translation>网络诊断</translation>
    </message>
    <message>
        <source>Connect a story writer…</source>
        <translation>连接写故事的服务…</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>No keychain is available: API keys and passwords are kept only until the app closes.</source>
        <translation>没有可用的钥匙串：API 密钥和密码只保留到程序关闭。</translation>
    </message>
    <message>
        <source>No story writer is connected yet. Connect one to write new stories.</source>
        <translation>还没有连接写故事的服务。连接一个就能写新故事了。</translation>
    </message>
    <message>
        <source>The picture service did not accept the API key.</source>
        <translation>图片服务没有接受这个 API 密钥。</translation>
    </message>
    <message>
        <source>The story writer did not accept the API key.</source>
        <translation>写故事的服务没有接受这个 API 密钥。</translation>
    </message>
    <message>
        <source>The picture service&apos;s account may not use this model.</source>
        <translation>图片服务的账户无权使用这个模型。</translation>
    </message>
    <message>
        <source>The story writer&apos;s account may not use this model.</source>
        <translation>写故事服务的账户无权使用这个模型。</translation>
    </message>
    <message>
        <source>The picture service&apos;s account has no credit left.</source>
        <translation>图片服务的账户余额不足。</translation>
    </message>
    <message>
        <source>The story writer&apos;s account has no credit left.</source>
        <translation>写故事服务的账户余额不足。</translation>
    </message>
    <message>
        <source>The picture service does not know the chosen model.</source>
        <translation>图片服务不认识所选的模型。</translation>
    </message>
    <message>
        <source>The story writer does not know the chosen model.</source>
        <translation>写故事的服务不认识所选的模型。</translation>
    </message>
    <message>
        <source>The picture service&apos;s address in the settings looks wrong.</source>
        <translation>设置里图片服务的地址似乎不对。</translation>
    </message>
    <message>
        <source>The story writer&apos;s address in the settings looks wrong.</source>
        <translation>设置里写故事服务的地址似乎不对。</translation>
    </message>
    <message>
        <source>The service is busy or its plan&apos;s limit is reached. Try again in a minute.</source>
        <translation>服务正忙，或已达到套餐限额。请过一分钟再试。</translation>
    </message>
    <message>
        <source>The service has a problem on its side. Try again in a few minutes.</source>
        <translation>服务那边出了问题。请过几分钟再试。</translation>
    </message>
    <message>
        <source>The picture service refused to paint this scene.</source>
        <translation>图片服务拒绝画这个场景。</translation>
    </message>
    <message>
        <source>The story writer refused to write this scene.</source>
        <translation>写故事的服务拒绝写这个场景。</translation>
    </message>
    <message>
        <source>The picture could not be painted this time.</source>
        <translation>这次没能画出图片。</translation>
    </message>
    <message>
        <source>The story writer stopped before the page was finished.</source>
        <translation>写故事的服务在这一页写完之前停下了。</translation>
    </message>
    <message>
        <source>The service could not be reached: if it runs on this computer, start it.</source>
        <translation>连不上服务：如果它运行在这台电脑上，请先启动它。</translation>
    </message>
    <message>
        <source>A secure connection to the service could not be made.</source>
        <translation>无法与服务建立安全连接。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Something went wrong inside the app.</source>
        <translation>程序内部出了问题。</translation>
    </message>
    <message>
        <source>The proxy this computer uses to go online is not working.</source>
        <translation>这台电脑上网用的代理出了问题。</translation>
    </message>
    <message>
        <source>The service could not be reached. Check the internet connection.</source>
        <translation>连不上服务。请检查网络连接。</translation>
    </message>
    <message>
        <source>The service took too long to answer.</source>
        <translation>服务回复太慢了。</translation>
    </message>
    <message>
        <source>%1 needs an API key before it can write stories.</source>
        <translation>%1 需要 API 密钥才能写故事。</translation>
    </message>
</context>
<context>
    <name>Storybook::App::GrownUpCheck</name>
    <message>
        <source>For grown-ups</source>
        <translation>给大人</translation>
    </message>
    <message>
        <source>To leave child mode, a grown-up holds the P key, or presses and holds the button below, for three seconds.</source>
        <translation>要退出儿童模式，请大人按住 P 键，或按住下面的按钮，保持三秒钟。</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>按住</translation>
    </message>
    <message>
        <source>Hold me</source>
        <translation>按住我</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Keep holding for three seconds.</source>
        <translation>请一直按住三秒钟。</translation>
    </message>
    <message>
        <source>What is %1 + %2?</source>
        <translation>%1 + %2 等于多少？</translation>
    </message>
    <message>
        <source>Not quite. Here is a new one.</source>
        <translation>不太对。换一道新题。</translation>
    </message>
</context>
<context>
    <name>Storybook::App::IdeaPanel</name>
    <message>
        <source>What should the story be about? For example: a little fox who is afraid of the dark</source>
        <translation>想听一个关于什么的故事？例如：一只怕黑的小狐狸</translation>
    </message>
    <message>
        <source>Story idea</source>
        <translation>故事创意</translation>
    </message>
    <message>
        <source>3–5 years</source>
        <translation>3–5 岁</translation>
    </message>
    <message>
        <source>6–8 years</source>
        <translation>6–8 岁</translation>
    </message>
    <message>
        <source>9–12 years</source>
        <translation>9–12 岁</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄段</translation>
    </message>
    <message>
        <source>Story language</source>
        <translation>故事语言</translation>
    </message>
    <message>
        <source>Number of pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>gentle, funny, rhyming… (optional)</source>
        <translation>温柔、有趣、押韵…（可选）</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>风格</translation>
    </message>
    <message>
        <source>We choose on every page</source>
        <translation>每一页都由我们来选</translation>
    </message>
    <message>
        <source>Read to me (the story goes on by itself)</source>
        <translation>讲给我听（故事自动往下讲）</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>&amp;Age:</source>
        <translation>年龄(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>St&amp;yle:</source>
        <translation>风格(&amp;Y)：</translation>
    </message>
    <message>
        <source>Story &amp;idea</source>
        <translation>故事创意(&amp;I)</translation>
    </message>
    <message>
        <source>Each page is painted by the picture provider set in Settings → Pictures, with the same characters on every page.</source>
        <translation>每一页都由“设置 → 插图”中的绘图服务来画，每页上的角色保持一致。</translation>
    </message>
    <message>
        <source>Art style</source>
        <translation>画风</translation>
    </message>
    <message>
        <source>A&amp;rt style:</source>
        <translation>画风(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Write the story</source>
        <translation>写故事(&amp;W)</translation>
    </message>
    <message>
        <source>Pa&amp;ges:</source>
        <translation>页数(&amp;G)：</translation>
    </message>
    <message>
        <source>The child the story is about: their name, age and favourite things go into the story.</source>
        <translation>故事讲的是哪个孩子：孩子的名字、年龄和喜欢的东西会写进故事里。</translation>
    </message>
    <message>
        <source>No one in particular</source>
        <translation>不指定</translation>
    </message>
    <message>
        <source>Add a chil&amp;d…</source>
        <translation>添加孩子(&amp;D)…</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Automatic: from the hero&apos;s age, else from the age above.</source>
        <translation>自动：按主人公的年龄，没有主人公时按上面选的年龄段。</translation>
    </message>
    <message>
        <source>sharing, being brave… (optional)</source>
        <translation>学会分享、勇敢一点…（可选）</translation>
    </message>
    <message>
        <source>&amp;Family cast:</source>
        <translation>家庭角色(&amp;F)：</translation>
    </message>
    <message>
        <source>Characters from the family cast</source>
        <translation>家庭角色里的角色</translation>
    </message>
    <message>
        <source>Characters saved from other stories (Story → Save a character to the family cast). Ticked ones keep their name and look in the new story.</source>
        <translation>从其他故事里保存下来的角色（故事 → 把角色存入家庭角色）。勾选的角色在新故事里保持原来的名字和样子。</translation>
    </message>
    <message>
        <source>a talking bus, Grandma… (optional)</source>
        <translation>会说话的公交车、奶奶…（可选）</translation>
    </message>
    <message>
        <source>Save a character to the &amp;family cast…</source>
        <translation>把角色存入家庭角色(&amp;F)…</translation>
    </message>
    <message>
        <source>“%1” is not in this story&apos;s cast.</source>
        <translation>这个故事的角色里没有“%1”。</translation>
    </message>
    <message>
        <source>This story has no characters to save yet.</source>
        <translation>这个故事还没有可以保存的角色。</translation>
    </message>
    <message>
        <source>Save to the family cast</source>
        <translation>存入家庭角色</translation>
    </message>
    <message>
        <source>Which character should the family keep for later stories?</source>
        <translation>要把哪个角色留下来，以后的故事里还能用？</translation>
    </message>
    <message>
        <source>Pict&amp;ures on every page</source>
        <translation>每页配图(&amp;U)</translation>
    </message>
    <message>
        <source>H&amp;ero:</source>
        <translation>主人公(&amp;E)：</translation>
    </message>
    <message>
        <source>Readi&amp;ng level:</source>
        <translation>阅读水平(&amp;N)：</translation>
    </message>
    <message>
        <source>Less&amp;on:</source>
        <translation>寓意(&amp;O)：</translation>
    </message>
    <message>
        <source>Other &amp;characters:</source>
        <translation>其他角色(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>Storybook::App::LibrarySidebar</name>
    <message>
        <source>Search stories…</source>
        <translation>搜索故事…</translation>
    </message>
    <message>
        <source>Search stories</source>
        <translation>搜索故事</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>最新的在前</translation>
    </message>
    <message>
        <source>By title</source>
        <translation>按标题排序</translation>
    </message>
    <message>
        <source>Sort stories</source>
        <translation>故事排序方式</translation>
    </message>
    <message>
        <source>Stories</source>
        <translation>故事</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>My stories</source>
        <translation>我的故事</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n page(s) · %2</source>
        <translation>
            <numerusform>%1 · %n 页 · %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Import a story…</source>
        <translation>导入故事…</translation>
    </message>
    <message>
        <source>Open the library folder</source>
        <translation>打开故事库文件夹</translation>
    </message>
    <message>
        <source>Escape clears the search</source>
        <translation>Esc 键清除搜索</translation>
    </message>
    <message>
        <source>Shows the deleted stories, to restore them or delete them forever</source>
        <translation>显示已删除的故事，可以恢复或永久删除</translation>
    </message>
    <message>
        <source>No story matches “%1”</source>
        <translation>没有与“%1”匹配的故事</translation>
    </message>
    <message>
        <source>Trash (%1)</source>
        <translation>回收站（%1）</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message numerus="yes">
        <source>Trash: %n deleted story(s)</source>
        <translation>
            <numerusform>回收站：%n 个已删除的故事</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Storybook::App::MainWindow</name>
    <message>
        <source>Interactive Storybook</source>
        <translation>互动绘本</translation>
    </message>
    <message>
        <source>Writing a page…</source>
        <translation>正在写这一页…</translation>
    </message>
    <message>
        <source>Check that the library folder is writable and the disk is not full.</source>
        <translation>请确认故事库文件夹可以写入，并且磁盘空间没有用完。</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>准备就绪</translation>
    </message>
    <message>
        <source>Choose another library folder with --library DIR.</source>
        <translation>请用 --library DIR 另选一个故事库文件夹。</translation>
    </message>
    <message>
        <source>&amp;Story</source>
        <translation>故事(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;New story</source>
        <translation>新故事(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Page</source>
        <translation>页面(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Write this page again</source>
        <translation>重新生成这一页(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Connection &amp;diagnostics…</source>
        <translation>连接诊断(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>About Interactive Storybook</source>
        <translation>关于互动绘本</translation>
    </message>
    <message>
        <source>Interactive Storybook %1

Picture-book stories written with you, page by page.</source>
        <translation>互动绘本 %1

和你一起，一页一页写出来的绘本故事。</translation>
    </message>
    <message>
        <source>Story</source>
        <translation>故事</translation>
    </message>
    <message>
        <source>Please write a story idea first.</source>
        <translation>请先写下一个故事创意。</translation>
    </message>
    <message>
        <source>%1 — Interactive Storybook</source>
        <translation>%1 — 互动绘本</translation>
    </message>
    <message>
        <source>New story</source>
        <translation>新故事</translation>
    </message>
    <message>
        <source>Stopped. What was written so far is kept; you can write the page again.</source>
        <translation>已停止。已经写好的内容都保留着，你可以重新生成这一页。</translation>
    </message>
    <message>
        <source>Edit the page</source>
        <translation>编辑这一页</translation>
    </message>
    <message>
        <source>Page text</source>
        <translation>页面文字</translation>
    </message>
    <message>
        <source>Rename the story</source>
        <translation>重命名故事</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Please wait until the page is written, or stop it first.</source>
        <translation>请等这一页写完，或者先停止。</translation>
    </message>
    <message>
        <source>“%1” was moved to the trash.</source>
        <translation>“%1”已移到回收站。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Import a story</source>
        <translation>导入故事</translation>
    </message>
    <message>
        <source>Stories (*.storybook)</source>
        <translation>故事 (*.storybook)</translation>
    </message>
    <message>
        <source>Choose a .storybook file made by Interactive Storybook.</source>
        <translation>请选择由互动绘本制作的 .storybook 文件。</translation>
    </message>
    <message>
        <source>Export the story</source>
        <translation>导出故事</translation>
    </message>
    <message>
        <source>PDF picture book (*.pdf);;Web page (*.html);;Markdown (*.md)</source>
        <translation>PDF 绘本 (*.pdf);;网页 (*.html);;Markdown (*.md)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Include every branch of the story, not only the one you read?</source>
        <translation>要导出故事的所有分支吗？不只是你读过的这一条。</translation>
    </message>
    <message>
        <source>Check the folder and the free disk space.</source>
        <translation>请检查文件夹和剩余磁盘空间。</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Proxy problem</source>
        <translation>代理有问题</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>直接连接</translation>
    </message>
    <message>
        <source>Read &amp;aloud</source>
        <translation>朗读(&amp;A)</translation>
    </message>
    <message>
        <source>The settings file could not be read, so the defaults are used. A copy of it was kept as “%1”.</source>
        <translation>设置文件无法读取，现在使用默认设置。原文件的副本已保存为“%1”。</translation>
    </message>
    <message>
        <source>Check the settings (Settings…) and save them again.</source>
        <translation>请检查设置（“设置…”）并重新保存。</translation>
    </message>
    <message>
        <source>The settings file could not be read, so the defaults are used.</source>
        <translation>设置文件无法读取，现在使用默认设置。</translation>
    </message>
    <message>
        <source>Saving the settings will replace the file: %1</source>
        <translation>保存设置将覆盖该文件：%1</translation>
    </message>
    <message>
        <source>&amp;Paint this picture again</source>
        <translation>重画这幅插图(&amp;P)</translation>
    </message>
    <message>
        <source>Earlier &amp;versions…</source>
        <translation>以前的版本(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Go on reading</source>
        <translation>继续讲下去(&amp;G)</translation>
    </message>
    <message>
        <source>Reading “%1”</source>
        <translation>正在读《%1》</translation>
    </message>
    <message>
        <source>New story — Interactive Storybook</source>
        <translation>新故事 — 互动绘本</translation>
    </message>
    <message>
        <source>Ed&amp;it the text…</source>
        <translation>编辑文字(&amp;I)…</translation>
    </message>
    <message>
        <source>This page is the e&amp;nding</source>
        <translation>这一页是结局(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Stop writing</source>
        <translation>停止写作(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Show the &amp;library</source>
        <translation>显示故事库(&amp;L)</translation>
    </message>
    <message>
        <source>Show the story &amp;map</source>
        <translation>显示故事地图(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>恢复原始大小(&amp;R)</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>设置(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>A page was not shown in child mode: the provider refused it. You can read it here, write it again (Page → Write this page again) or choose another answer.</source>
        <translation>在儿童模式中有一页没有显示：服务商拒绝了它。你可以在这里阅读它、重写它（页面 → 重写这一页），或选择另一个答案。</translation>
    </message>
    <message>
        <source>&amp;Record this page…</source>
        <translation>录下这一页(&amp;R)…</translation>
    </message>
    <message>
        <source>Delete &amp;my recording…</source>
        <translation>删除我的录音(&amp;M)…</translation>
    </message>
    <message>
        <source>The voice recorded for this page is deleted from the story. This cannot be undone.</source>
        <translation>这一页的录音将从故事中删除。此操作无法撤销。</translation>
    </message>
    <message>
        <source>The voice %1 recorded for this page is deleted from the story. This cannot be undone.</source>
        <translation>%1为这一页录下的声音将从故事中删除。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete my recording</source>
        <translation>删除我的录音</translation>
    </message>
    <message>
        <source>Export the story as an EPUB book</source>
        <translation>将故事导出为 EPUB 电子书</translation>
    </message>
    <message>
        <source>EPUB book (*.epub)</source>
        <translation>EPUB 电子书 (*.epub)</translation>
    </message>
    <message>
        <source>Export as EPU&amp;B book…</source>
        <translation>导出为 EPUB 电子书(&amp;B)…</translation>
    </message>
</context>
<context>
    <name>Storybook::App::NarrationWiring</name>
    <message>
        <source>The speech provider reads every sentence of this page once; the voice is kept in the story.</source>
        <translation>由语音服务把本页的每一句朗读一次，声音保存在故事里。</translation>
    </message>
    <message>
        <source>The speech provider reads every sentence of this page again, in the voice set now.</source>
        <translation>由语音服务用现在设置的声音，把本页的每一句重新朗读一遍。</translation>
    </message>
    <message>
        <source>Narra&amp;te again</source>
        <translation>重新配音(&amp;T)</translation>
    </message>
    <message>
        <source>Narrate t&amp;his page</source>
        <translation>为本页配音(&amp;H)</translation>
    </message>
</context>
<context>
    <name>Storybook::App::NewStoryPage</name>
    <message>
        <source>New story</source>
        <translation>新故事</translation>
    </message>
    <message>
        <source>Tell the storyteller what the story should be about. Other stories can be read meanwhile: what you type here stays.</source>
        <translation>告诉讲故事的人，这个故事要讲什么。这期间可以去读别的故事：这里写下的内容会一直保留。</translation>
    </message>
    <message>
        <source>&amp;Back to the story</source>
        <translation>回到故事(&amp;B)</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Esc</translation>
    </message>
</context>
<context>
    <name>Storybook::App::ParentLock</name>
    <message numerus="yes">
        <source>Too many tries. Please wait %n seconds.</source>
        <translation>
            <numerusform>尝试次数太多。请等待 %n 秒。</numerusform>
        </translation>
    </message>
    <message>
        <source>The current PIN is not right.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <source>A PIN has 4 to 12 digits.</source>
        <translation>密码由 4 到 12 位数字组成。</translation>
    </message>
</context>
<context>
    <name>Storybook::App::PinDialog</name>
    <message>
        <source>Parent PIN</source>
        <translation>家长密码</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message numerus="yes">
        <source>That is not the PIN. %n tries left.</source>
        <translation>
            <numerusform>密码不对。还可以尝试 %n 次。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many tries. Please wait %n seconds.</source>
        <translation>
            <numerusform>尝试次数太多。请等待 %n 秒。</numerusform>
        </translation>
    </message>
    <message>
        <source>Please try again.</source>
        <translation>请再试一次。</translation>
    </message>
</context>
<context>
    <name>Storybook::App::PinSettingsDialog</name>
    <message>
        <source>Child mode PIN</source>
        <translation>儿童模式密码</translation>
    </message>
    <message>
        <source>With a PIN, leaving child mode asks for it. Without one, a grown-up check is asked instead: hold a key for three seconds, then add two numbers.</source>
        <translation>设置密码后，退出儿童模式需要输入密码。没有密码时，则需要通过大人检查：按住一个键三秒钟，然后把两个数相加。</translation>
    </message>
    <message>
        <source>C&amp;urrent PIN:</source>
        <translation>当前密码(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;New PIN (4–12 digits):</source>
        <translation>新密码（4–12 位数字）(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Repeat the new PIN:</source>
        <translation>再次输入新密码(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Lock settings with the PIN</source>
        <translation>用密码锁定设置(&amp;L)</translation>
    </message>
    <message>
        <source>Re&amp;move the PIN</source>
        <translation>删除密码(&amp;M)</translation>
    </message>
    <message>
        <source>The two new PINs are not the same.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>The current PIN is not right.</source>
        <translation>当前密码不正确。</translation>
    </message>
</context>
<context>
    <name>Storybook::App::ProfileDialog</name>
    <message>
        <source>A child&apos;s profile</source>
        <translation>孩子的资料</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>不填</translation>
    </message>
    <message>
        <source>From the age</source>
        <translation>按年龄</translation>
    </message>
    <message>
        <source>separated by commas</source>
        <translation>用逗号隔开</translation>
    </message>
    <message>
        <source>Kept on this computer only. It goes to the storyteller only inside the prompt of a story you start with this child as the hero.</source>
        <translation>只保存在这台电脑上。只有当你开始一个以这个孩子为主人公的故事时，这些资料才会写进发给讲故事模型的提示里。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名字(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Age:</source>
        <translation>年龄(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Pronouns:</source>
        <translation>人称(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Reading level:</source>
        <translation>阅读水平(&amp;R)：</translation>
    </message>
    <message>
        <source>Favourite a&amp;nimals:</source>
        <translation>喜欢的动物(&amp;N)：</translation>
    </message>
    <message>
        <source>Favourite &amp;colours:</source>
        <translation>喜欢的颜色(&amp;C)：</translation>
    </message>
    <message>
        <source>Favourite &amp;toys:</source>
        <translation>喜欢的玩具(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Friends and siblings:</source>
        <translation>朋友和兄弟姐妹(&amp;F)：</translation>
    </message>
</context>
<context>
    <name>Storybook::App::RecordPageDialog</name>
    <message>
        <source>Record this page</source>
        <translation>录下这一页</translation>
    </message>
    <message>
        <source>&amp;Who is reading?</source>
        <translation>谁在朗读？(&amp;W)</translation>
    </message>
    <message>
        <source>e.g. Grandma</source>
        <translation>例如：奶奶</translation>
    </message>
    <message>
        <source>One &amp;sentence at a time</source>
        <translation>一句一句录(&amp;S)</translation>
    </message>
    <message>
        <source>The whole &amp;page at once</source>
        <translation>整页一次录完(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>上一句(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Listen</source>
        <translation>试听(&amp;L)</translation>
    </message>
    <message>
        <source>Re&amp;do</source>
        <translation>重录(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一句(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>保存(&amp;K)</translation>
    </message>
    <message>
        <source>Space starts and stops recording</source>
        <translation>按空格键开始或停止录音</translation>
    </message>
    <message>
        <source>Parts of the page</source>
        <translation>这一页的各个部分</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>麦克风音量</translation>
    </message>
    <message>
        <source>Nothing was heard. Is the microphone switched on?</source>
        <translation>什么也没录到。麦克风打开了吗？</translation>
    </message>
    <message numerus="yes">
        <source>The recording has %n clear pause(s) between sentences, not enough to tell the %1 parts apart. Please record one sentence at a time.</source>
        <translation>
            <numerusform>录音中句子之间只有 %n 处清楚的停顿，不足以分出 %1 个部分。请一句一句地录。</numerusform>
        </translation>
    </message>
    <message>
        <source>The recording was cut into its parts at the pauses. Listen to each one, and record again any that is not right.</source>
        <translation>录音已按停顿切分成各个部分。请逐一试听，哪一句不满意就重录那一句。</translation>
    </message>
    <message>
        <source>No loudspeaker was found to play the recording.</source>
        <translation>没有找到可以播放录音的扬声器。</translation>
    </message>
    <message>
        <source>Nothing is recorded yet.</source>
        <translation>还没有录下任何内容。</translation>
    </message>
    <message>
        <source>Throw the recording away?</source>
        <translation>放弃录音吗？</translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) of this page are recorded. Close without keeping them?</source>
        <translation>
            <numerusform>这一页已录下 %n 个部分。不保存就关闭吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Throw away</source>
        <translation>放弃(&amp;T)</translation>
    </message>
    <message>
        <source>Go &amp;on recording</source>
        <translation>继续录音(&amp;O)</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>已录音</translation>
    </message>
    <message>
        <source>Not recorded yet</source>
        <translation>尚未录音</translation>
    </message>
    <message>
        <source>Read the whole page, with a short pause after each sentence:</source>
        <translation>请朗读整页，每句话之后稍作停顿：</translation>
    </message>
    <message>
        <source>Part %1 of %2:</source>
        <translation>第 %1 部分，共 %2 部分：</translation>
    </message>
    <message>
        <source>■ &amp;Stop</source>
        <translation>■ 停止(&amp;S)</translation>
    </message>
    <message>
        <source>● &amp;Record</source>
        <translation>● 录音(&amp;R)</translation>
    </message>
</context>
<context>
    <name>Storybook::App::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>What</source>
        <translation>功能</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Menu commands</source>
        <translation>菜单命令</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>While reading (whatever has the focus)</source>
        <translation>读故事时（无论焦点在哪里）</translation>
    </message>
    <message>
        <source>Choose answer 1 to 9</source>
        <translation>选择第 1 到第 9 个答案</translation>
    </message>
    <message>
        <source>1 … 9</source>
        <translation>1 … 9</translation>
    </message>
    <message>
        <source>Previous page / next page</source>
        <translation>上一页 / 下一页</translation>
    </message>
    <message>
        <source>← / →, Page Up / Page Down</source>
        <translation>← / →、Page Up / Page Down</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格键</translation>
    </message>
    <message>
        <source>First page / last page</source>
        <translation>第一页 / 最后一页</translation>
    </message>
    <message>
        <source>Home / End</source>
        <translation>Home / End</translation>
    </message>
    <message>
        <source>Back to the story, leave full screen</source>
        <translation>回到故事、退出全屏</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>While typing an answer or in a text field</source>
        <translation>在输入答案或在文本框里打字时</translation>
    </message>
    <message>
        <source>digits, letters, Space, arrows, Home and End type in the field</source>
        <translation>数字、字母、空格、方向键、Home 和 End 都用于文本框</translation>
    </message>
    <message>
        <source>New story</source>
        <translation>新故事</translation>
    </message>
    <message>
        <source>Write the story</source>
        <translation>写故事</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Back to the story</source>
        <translation>回到故事</translation>
    </message>
</context>
<context>
    <name>Storybook::App::VersionsDialog</name>
    <message>
        <source>Earlier versions of this page</source>
        <translation>这一页以前的版本</translation>
    </message>
    <message>
        <source>Choose a version to read it. Restoring it brings back its question and the pages written after it; the version shown now is kept too.</source>
        <translation>选一个版本来阅读。恢复它，会把它的问题和在它之后写的页面一起找回来；现在显示的版本也会保留。</translation>
    </message>
    <message>
        <source>Earlier versions</source>
        <translation>以前的版本</translation>
    </message>
    <message>
        <source>The text of the chosen version</source>
        <translation>所选版本的正文</translation>
    </message>
    <message>
        <source>&amp;Restore this version</source>
        <translation>恢复这个版本(&amp;R)</translation>
    </message>
    <message>
        <source>earlier</source>
        <translation>更早</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>This page has no earlier versions.</source>
        <translation>这一页没有以前的版本。</translation>
    </message>
    <message>
        <source>(This version ended the story.)</source>
        <translation>（这个版本是故事的结局。）</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) were written after this version.</source>
        <translation>
            <numerusform>在这个版本之后写了 %n 页。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Storybook::Cli::Commands</name>
    <message>
        <source>Run storybook-cli --help for the commands and options.</source>
        <translation>运行 storybook-cli --help 可查看所有命令和选项。</translation>
    </message>
    <message>
        <source>The answer was cut off because it reached the model&apos;s length limit.</source>
        <translation>回复达到了模型的长度上限，因此被截断了。</translation>
    </message>
    <message>
        <source>The provider&apos;s content filter stopped the answer.</source>
        <translation>服务商的内容过滤机制中止了这次回复。</translation>
    </message>
    <message>
        <source>Effective proxy: %1</source>
        <translation>实际使用的代理：%1</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>结论：%1</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>建议：%1</translation>
    </message>
    <message>
        <source>chat: ask for the whole reply at once.</source>
        <translation>chat：一次性获取完整回复（不使用流式输出）。</translation>
    </message>
    <message>
        <source>chat: a system prompt.</source>
        <translation>chat：系统提示词。</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>chat: print the model&apos;s reasoning to stderr.</source>
        <translation>chat：把模型的推理过程输出到 stderr。</translation>
    </message>
    <message>
        <source>Log what happens to stderr.</source>
        <translation>把运行日志输出到 stderr。</translation>
    </message>
    <message>
        <source>Also write the log to FILE (secrets removed).</source>
        <translation>同时把日志写入 FILE（会去除密钥、密码等敏感信息）。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>chat needs a prompt, e.g. storybook-cli chat &quot;Tell me a story&quot;.</source>
        <translation>chat 命令需要提供提示词，例如：storybook-cli chat &quot;讲个故事&quot;。</translation>
    </message>
    <message>
        <source>models takes no arguments.</source>
        <translation>models 命令不接受参数。</translation>
    </message>
    <message>
        <source>diagnose takes no arguments.</source>
        <translation>diagnose 命令不接受参数。</translation>
    </message>
    <message>
        <source>diagnose, story list/show: print JSON.</source>
        <translation>diagnose、story list/show：以 JSON 格式输出结果。</translation>
    </message>
    <message>
        <source>The reference picture “%1” cannot be read: %2</source>
        <translation>无法读取参考图片“%1”：%2</translation>
    </message>
    <message>
        <source>Check the path given to --reference.</source>
        <translation>请检查 --reference 给出的路径。</translation>
    </message>
    <message>
        <source>The provider sent a %1 picture; it is written to %2 instead of %3.</source>
        <translation>服务返回的是 %1 图片；已写入 %2，而不是 %3。</translation>
    </message>
    <message>
        <source>The picture could not be written to “%1”: %2</source>
        <translation>无法把图片写入“%1”：%2</translation>
    </message>
    <message>
        <source>Check that the folder exists and can be written to.</source>
        <translation>请检查该文件夹是否存在、是否可写。</translation>
    </message>
    <message>
        <source>The provider painted from its own wording: %1</source>
        <translation>服务按它自己改写的描述作画：%1</translation>
    </message>
    <message>
        <source>image: the picture size, e.g. 1024x1024 (default: the provider&apos;s).</source>
        <translation>image：图片尺寸，例如 1024x1024（默认：服务的默认值）。</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>宽x高</translation>
    </message>
    <message>
        <source>image: low, medium, high, standard or hd (default: the provider&apos;s).</source>
        <translation>image：low、medium、high、standard 或 hd（默认：服务的默认值）。</translation>
    </message>
    <message>
        <source>Q</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>image: a picture (PNG, JPEG or WebP) to paint from, e.g. a character sheet; may be repeated.</source>
        <translation>image：作为参考的图片（PNG、JPEG 或 WebP），例如角色设定图；可以重复给出。</translation>
    </message>
    <message>
        <source>diagnose: check the picture provider by painting one small picture (it may cost money).</source>
        <translation>diagnose：画一张小图来检查绘图服务（可能会产生费用）。</translation>
    </message>
    <message>
        <source>image needs a prompt, e.g. storybook-cli image &quot;A fox with a lantern&quot; --output fox.png.</source>
        <translation>image 需要一段描述，例如 storybook-cli image &quot;一只提着灯笼的小狐狸&quot; --output fox.png。</translation>
    </message>
    <message>
        <source>image needs --output FILE.</source>
        <translation>image 需要 --output FILE。</translation>
    </message>
    <message>
        <source>chat, models, diagnose, image, speak or story</source>
        <translation>chat、models、diagnose、image、speak 或 story</translation>
    </message>
    <message>
        <source>diagnose: check the speech provider by speaking one short sentence (it may cost money).</source>
        <translation>diagnose：让语音服务朗读一个短句来检查它（可能产生费用）。</translation>
    </message>
    <message>
        <source>a command is needed: chat, models, diagnose, image, speak or story.</source>
        <translation>需要一个命令：chat、models、diagnose、image、speak 或 story。</translation>
    </message>
    <message>
        <source>diagnose checks one provider at a time: --picture or --voice.</source>
        <translation>diagnose 一次只检查一个服务：--picture 或 --voice。</translation>
    </message>
    <message>
        <source>unknown command “%1”; use chat, models, diagnose, image, speak or story.</source>
        <translation>未知命令“%1”；请使用 chat、models、diagnose、image、speak 或 story。</translation>
    </message>
    <message>
        <source>Interactive Storybook command-line tool: talk to an OpenAI-compatible API the way the app does.

Commands:
  chat [--no-stream] [--system TEXT] PROMPT   stream a reply to stdout
  models                                      list the server&apos;s model ids
  diagnose [--json] [--picture | --voice]     check configuration, proxy, DNS, TLS, key and model;
                                              --picture: the picture provider, painting one small
                                              picture (it costs as much as one picture); --voice: the
                                              speech provider, speaking one short sentence
  image PROMPT --output FILE [--size WxH] [--quality Q] [--reference FILE]...
                                              paint one picture with the picture provider and write
                                              the provider&apos;s bytes to FILE (.png/.jpg/.webp as sent)
  speak TEXT --output FILE [--voice V] [--format mp3|opus|wav|pcm|flac|aac] [--speed S]
        [--instructions STYLE]                speak TEXT with the speech provider (key from
                                              STORYBOOK_SPEECH_API_KEY) and write the audio to FILE
  story new [--pages N] [--age BAND] [--language zh|en] [--style TEXT] [--read-to-me] IDEA
        [--hero PROFILE] [--character NAME|&quot;Name: look&quot;]... [--lesson TEXT] [--level LEVEL]
  profile list | add NAME [--years N] [--pronouns P] [--likes A,B] [--friends X,Y] [--level L]
        | remove ID|NAME               child profiles, kept on this computer only
  cast list | remove ID|NAME          the family cast (saved from stories in the app)
  story continue ID (--choice N | --answer TEXT)
  story regenerate ID [--page N]
  story illustrate ID [--page N]   (story new --pictures [--art-style S]: an illustrated story)
  story narrate ID [--page N] [--voice V] [--format F] [--again]   narration from the speech provider
  story versions ID [--page N] [--json] | restore-version ID VERSION [--page N]
  story list [--json] | show ID [--json] [--page N] | search TEXT
  story export ID --format md|html|pdf --output FILE [--all-branches]
  story import FILE | delete ID | restore ID

Exit codes: 0 ok, 1 internal, 2 usage/configuration, 3 network/DNS/TLS, 4 proxy, 5 API/HTTP, 6 timeout, 7 bad response, 130 interrupted.</source>
        <translation>Interactive Storybook 命令行工具：以与应用相同的方式访问 OpenAI 兼容的 API。

命令：
  chat [--no-stream] [--system TEXT] PROMPT   把回复以流式输出到标准输出
  models                                      列出服务器提供的模型 ID
  diagnose [--json] [--picture | --voice]     检查配置、代理、DNS、TLS、密钥和模型；
                                              --picture：检查图片服务，画一张小图
                                              （费用与一张图片相同）；--voice：检查
                                              语音服务，朗读一个短句
  image PROMPT --output FILE [--size WxH] [--quality Q] [--reference FILE]...
                                              用图片服务画一张图，把服务返回的字节
                                              原样写入 FILE（.png/.jpg/.webp）
  speak TEXT --output FILE [--voice V] [--format mp3|opus|wav|pcm|flac|aac] [--speed S]
        [--instructions STYLE]                用语音服务朗读 TEXT（密钥取自
                                              STORYBOOK_SPEECH_API_KEY），把音频写入 FILE
  story new [--pages N] [--age BAND] [--language zh|en] [--style TEXT] [--read-to-me] IDEA
        [--hero PROFILE] [--character NAME|&quot;Name: look&quot;]... [--lesson TEXT] [--level LEVEL]
  profile list | add NAME [--years N] [--pronouns P] [--likes A,B] [--friends X,Y] [--level L]
        | remove ID|NAME               孩子资料，只保存在这台电脑上
  cast list | remove ID|NAME          家庭角色（在应用里从故事中保存）
  story continue ID (--choice N | --answer TEXT)
  story regenerate ID [--page N]
  story illustrate ID [--page N]   （story new --pictures [--art-style S]：带插图的故事）
  story narrate ID [--page N] [--voice V] [--format F] [--again]   用语音服务为故事配上朗读
  story versions ID [--page N] [--json] | restore-version ID VERSION [--page N]
  story list [--json] | show ID [--json] [--page N] | search TEXT
  story export ID --format md|html|pdf --output FILE [--all-branches]
  story import FILE | delete ID | restore ID

退出码：0 成功，1 内部错误，2 用法/配置错误，3 网络/DNS/TLS，4 代理，5 API/HTTP，6 超时，7 回复无法识别，130 被中断。</translation>
    </message>
</context>
<context>
    <name>Storybook::Cli::ConnectionOptions</name>
    <message>
        <source>API base URL, e.g. https://api.openai.com/v1.</source>
        <translation>API 接口地址，例如 https://api.openai.com/v1。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Model name.</source>
        <translation>模型名称。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Environment variable that holds the API key (default STORYBOOK_API_KEY). The key is never taken from the command line.</source>
        <translation>存放 API 密钥的环境变量（默认为 STORYBOOK_API_KEY）。API 密钥不会从命令行读取。</translation>
    </message>
    <message>
        <source>VAR</source>
        <translation>VAR</translation>
    </message>
    <message>
        <source>none, system, http://[user:pass@]host:port, socks5://[user:pass@]host:port or socks5h://[user:pass@]host:port (default: the settings, else system).</source>
        <translation>none（不使用代理）、system（使用系统代理）、http://[user:pass@]host:port、socks5://[user:pass@]host:port 或 socks5h://[user:pass@]host:port（默认：按设置中的配置，未配置时为 system）。</translation>
    </message>
    <message>
        <source>PROXY</source>
        <translation>PROXY</translation>
    </message>
    <message>
        <source>Connect timeout in seconds, proxy handshake included (default 30).</source>
        <translation>连接超时（秒），包括与代理握手的时间（默认 30）。</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Retries on connection failures, 429 and 5xx before any answer arrived (default 2).</source>
        <translation>在收到任何回复之前，遇到连接失败、429 或 5xx 错误时的重试次数（默认 2）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Hosts that bypass the proxy (default localhost,127.0.0.0/8,::1); an empty list proxies everything.</source>
        <translation>不经过代理的主机，即绕过列表（默认 localhost,127.0.0.0/8,::1）；列表留空则所有连接都经过代理。</translation>
    </message>
    <message>
        <source>LIST</source>
        <translation>LIST</translation>
    </message>
    <message>
        <source>Extra CA certificates (PEM) to trust, e.g. a company proxy&apos;s.</source>
        <translation>额外信任的 CA 证书（PEM），例如公司代理的证书。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Use this INI file instead of the user&apos;s settings.</source>
        <translation>使用这个 INI 文件，而不是用户自己的设置。</translation>
    </message>
    <message>
        <source>Do not use HTTP/2.</source>
        <translation>不使用 HTTP/2。</translation>
    </message>
    <message>
        <source>--%1 needs a number of seconds, not “%2”.</source>
        <translation>--%1 需要填写秒数，而不是“%2”。</translation>
    </message>
    <message>
        <source>For example --%1 30.</source>
        <translation>例如 --%1 30。</translation>
    </message>
    <message>
        <source>The settings file “%1” cannot be read.</source>
        <translation>无法读取设置文件“%1”。</translation>
    </message>
    <message>
        <source>Check the path given to --settings.</source>
        <translation>请检查 --settings 指定的路径。</translation>
    </message>
    <message>
        <source>The settings file “%1” is not a valid INI file.</source>
        <translation>设置文件“%1”不是有效的 INI 文件。</translation>
    </message>
    <message>
        <source>Fix the file, or run without --settings.</source>
        <translation>请修正该文件，或去掉 --settings 后再运行。</translation>
    </message>
    <message>
        <source>Examples: --proxy none, --proxy system, --proxy socks5h://127.0.0.1:1080.</source>
        <translation>示例：--proxy none、--proxy system、--proxy socks5h://127.0.0.1:1080。</translation>
    </message>
    <message>
        <source>--retries needs a number from 0 to 10, not “%1”.</source>
        <translation>--retries 需要 0 到 10 之间的数字，而不是“%1”。</translation>
    </message>
    <message>
        <source>For example --retries 2.</source>
        <translation>例如 --retries 2。</translation>
    </message>
    <message>
        <source>Fail when nothing arrives for this many seconds (default 120; image: 180).</source>
        <translation>这么多秒内什么都没收到就算失败（默认 120；image：180）。</translation>
    </message>
    <message>
        <source>Limit for the whole request in seconds; 0 means none (default 0; image: 300).</source>
        <translation>整个请求的时限（秒）；0 表示不限（默认 0；image：300）。</translation>
    </message>
</context>
<context>
    <name>Storybook::Cli::FamilyCommands</name>
    <message>
        <source>story new: the child profile (id or name) who is the story&apos;s hero.</source>
        <translation>story new：作为故事主人公的孩子资料（ID 或名字）。</translation>
    </message>
    <message>
        <source>PROFILE</source>
        <translation>PROFILE</translation>
    </message>
    <message>
        <source>story new: a character from the family cast by name, or a new one as &quot;Name: look&quot; (repeatable).</source>
        <translation>story new：家庭角色里的一个角色（按名字），或写成 &quot;名字: 样子&quot; 的新角色（可重复）。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>story new: a lesson the story shows gently.</source>
        <translation>story new：故事要温和地体现的寓意。</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>story new, profile add: reading level first-words, early-reader, developing or confident.</source>
        <translation>story new、profile add：阅读水平 first-words、early-reader、developing 或 confident。</translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation>LEVEL</translation>
    </message>
    <message>
        <source>profile add: she, he or they (她, 他).</source>
        <translation>profile add：she、he 或 they（她、他）。</translation>
    </message>
    <message>
        <source>WORD</source>
        <translation>WORD</translation>
    </message>
    <message>
        <source>profile add: favourite animals, colours and toys, separated by commas.</source>
        <translation>profile add：喜欢的动物、颜色和玩具，用逗号隔开。</translation>
    </message>
    <message>
        <source>LIST</source>
        <translation>LIST</translation>
    </message>
    <message>
        <source>profile add: friends&apos; and siblings&apos; names, separated by commas.</source>
        <translation>profile add：朋友和兄弟姐妹的名字，用逗号隔开。</translation>
    </message>
    <message>
        <source>profile add: the child&apos;s age in years.</source>
        <translation>profile add：孩子的年龄（岁）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>--level must be one of: %1.</source>
        <translation>--level 必须是以下之一：%1。</translation>
    </message>
    <message>
        <source>There is no child profile “%1”; see storybook-cli profile list.</source>
        <translation>没有名为“%1”的孩子资料；请查看 storybook-cli profile list。</translation>
    </message>
    <message>
        <source>A story takes at most %1 characters.</source>
        <translation>一个故事最多只能有 %1 个角色。</translation>
    </message>
    <message>
        <source>--character needs a name, e.g. --character &quot;Poppy: a fox with a blue scarf&quot;.</source>
        <translation>--character 需要一个名字，例如 --character &quot;波比: 一只围着蓝围巾的狐狸&quot;。</translation>
    </message>
    <message>
        <source>age %1</source>
        <translation>%1 岁</translation>
    </message>
    <message>
        <source>profile add needs a name, e.g. storybook-cli profile add Mia --years 5.</source>
        <translation>profile add 需要一个名字，例如 storybook-cli profile add 米娅 --years 5。</translation>
    </message>
    <message>
        <source>--years must be between 1 and 18.</source>
        <translation>--years 必须在 1 到 18 之间。</translation>
    </message>
    <message>
        <source>profile remove needs the id or name of a profile (storybook-cli profile list).</source>
        <translation>profile remove 需要孩子资料的 ID 或名字（见 storybook-cli profile list）。</translation>
    </message>
    <message>
        <source>profile needs a command: list, add or remove.</source>
        <translation>profile 需要一个命令：list、add 或 remove。</translation>
    </message>
    <message>
        <source>cast remove needs the id or name of a character (storybook-cli cast list).</source>
        <translation>cast remove 需要角色的 ID 或名字（见 storybook-cli cast list）。</translation>
    </message>
    <message>
        <source>cast needs a command: list or remove.</source>
        <translation>cast 需要一个命令：list 或 remove。</translation>
    </message>
</context>
<context>
    <name>Storybook::Cli::NarrateCommand</name>
    <message>
        <source>story narrate: speak every sentence again, also those narrated before.</source>
        <translation>story narrate：把每一句都重新朗读，包括之前已经朗读过的。</translation>
    </message>
    <message>
        <source>--format for story narrate is mp3, opus, wav, pcm, flac or aac, not “%1”.</source>
        <translation>story narrate 的 --format 只能是 mp3、opus、wav、pcm、flac 或 aac，不能是“%1”。</translation>
    </message>
    <message>
        <source>story narrate needs a voice: --voice V, or one set in the settings.</source>
        <translation>story narrate 需要一个声音：用 --voice V 指定，或在设置里选好。</translation>
    </message>
    <message>
        <source>See the ids with: storybook-cli story list</source>
        <translation>可以用这个命令查看故事 ID：storybook-cli story list</translation>
    </message>
    <message>
        <source>--page must be between 1 and %1.</source>
        <translation>--page 必须在 1 到 %1 之间。</translation>
    </message>
    <message>
        <source>Page %1 is not finished; only finished pages are narrated.</source>
        <translation>第 %1 页还没有写完；只有写完的页面才能朗读。</translation>
    </message>
    <message>
        <source>Write it first: storybook-cli story regenerate ID --page N</source>
        <translation>请先把它写完：storybook-cli story regenerate ID --page N</translation>
    </message>
    <message>
        <source>spoken: %1
</source>
        <translation>已朗读：%1
</translation>
    </message>
    <message>
        <source>not spoken: %1
</source>
        <translation>未朗读：%1
</translation>
    </message>
    <message>
        <source>Check that the library folder is writable and the disk is not full.</source>
        <translation>请确认故事库文件夹可以写入，并且磁盘空间没有用完。</translation>
    </message>
    <message>
        <source>Narrating page %1 of %2…
</source>
        <translation>正在朗读第 %1 页（共 %2 页）…
</translation>
    </message>
    <message>
        <source>Every sentence is narrated already (--again speaks them anew).
</source>
        <translation>每一句都已经朗读过了（用 --again 可以重新朗读）。
</translation>
    </message>
    <message numerus="yes">
        <source>%n sentence(s) spoken; not spoken: %1.
</source>
        <translation>
            <numerusform>已朗读 %n 句；未朗读：%1 句。
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Storybook::Cli::SpeakCommand</name>
    <message>
        <source>speak: the voice, e.g. alloy or FunAudioLLM/CosyVoice2-0.5B:alex (default: the settings&apos;, else alloy).</source>
        <translation>speak：音色，例如 alloy 或 FunAudioLLM/CosyVoice2-0.5B:alex（默认：设置中的音色，未设置时为 alloy）。</translation>
    </message>
    <message>
        <source>V</source>
        <translation>V</translation>
    </message>
    <message>
        <source>speak: 0.25 to 4, 1 is normal (default: the settings&apos;).</source>
        <translation>speak：语速，0.25 到 4，1 为正常语速（默认：设置中的语速）。</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>speak: a speaking style, e.g. &quot;a warm, calm bedtime voice&quot; (models that take one, e.g. gpt-4o-mini-tts).</source>
        <translation>speak：说话风格，例如“温暖、平静的睡前故事语气”（仅支持风格的模型，例如 gpt-4o-mini-tts）。</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>speak needs the text, e.g. storybook-cli speak &quot;Once upon a time&quot; --output story.mp3.</source>
        <translation>speak 需要要朗读的文字，例如 storybook-cli speak &quot;从前&quot; --output story.mp3。</translation>
    </message>
    <message>
        <source>speak needs --output FILE.</source>
        <translation>speak 需要 --output FILE。</translation>
    </message>
    <message>
        <source>--format for speak is mp3, opus, wav, pcm, flac or aac, not “%1”.</source>
        <translation>speak 的 --format 只能是 mp3、opus、wav、pcm、flac 或 aac，不能是“%1”。</translation>
    </message>
    <message>
        <source>--speed needs a number from 0.25 to 4, not “%1”.</source>
        <translation>--speed 需要 0.25 到 4 之间的数字，不能是“%1”。</translation>
    </message>
    <message numerus="yes">
        <source>The text is longer than one request takes; it is spoken in %n part(s), split at sentence ends.</source>
        <translation>
            <numerusform>文字超过了单次请求的上限；已在句末切分，分 %n 段朗读。</numerusform>
        </translation>
    </message>
    <message>
        <source>The provider sent %1 audio; it is written to %2 instead of %3.</source>
        <translation>服务返回的是 %1 音频；已写入 %2，而不是 %3。</translation>
    </message>
    <message numerus="yes">
        <source>%1 audio cannot be joined into one file; the %n part(s) are written as numbered files.</source>
        <translation>
            <numerusform>%1 音频无法合并为一个文件；%n 段音频分别写入带编号的文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>The audio could not be written to “%1”: %2</source>
        <translation>无法把音频写入“%1”：%2</translation>
    </message>
    <message>
        <source>Check that the folder exists and can be written to.</source>
        <translation>请检查文件夹是否存在且可以写入。</translation>
    </message>
    <message>
        <source>pcm is raw audio: 16-bit little-endian mono samples at 24 kHz, no header.</source>
        <translation>pcm 是原始音频：24 kHz、16 位小端、单声道采样，没有文件头。</translation>
    </message>
</context>
<context>
    <name>Storybook::Cli::StoryCommands</name>
    <message>
        <source>The End</source>
        <translation>完</translation>
    </message>
    <message>
        <source>What happens next?</source>
        <translation>接下来会发生什么呢？</translation>
    </message>
    <message>
        <source>story new: number of pages (default 8).</source>
        <translation>story new：故事的页数（默认 8）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>story new: age band 3-5, 6-8 or 9-12 (default 6-8).</source>
        <translation>story new：年龄段，可选 3-5、6-8 或 9-12（默认 6-8）。</translation>
    </message>
    <message>
        <source>BAND</source>
        <translation>BAND</translation>
    </message>
    <message>
        <source>story new: zh or en (default: the system language).</source>
        <translation>story new：故事语言，zh 或 en（默认跟随系统语言）。</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>LANG</translation>
    </message>
    <message>
        <source>story new: style or tone, e.g. &quot;funny, rhyming&quot;.</source>
        <translation>story new：故事的风格或语气，例如 &quot;幽默、押韵&quot;。</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>story new: keep going along the first answer to the end.</source>
        <translation>story new：每页都自动选第一个回答，一直写到故事结束（朗读模式）。</translation>
    </message>
    <message>
        <source>The story library folder (default: STORYBOOK_LIBRARY, else the app&apos;s).</source>
        <translation>故事库所在的文件夹（默认使用 STORYBOOK_LIBRARY，未设置时使用应用自己的故事库）。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>story continue: the number of a suggested answer.</source>
        <translation>story continue：选择第几个建议的回答。</translation>
    </message>
    <message>
        <source>story continue: the child&apos;s own answer.</source>
        <translation>story continue：孩子自己的回答。</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>story export: every branch, not only the reading path.</source>
        <translation>story export：导出所有分支，而不只是阅读路线。</translation>
    </message>
    <message>
        <source>Choose another folder with --library DIR.</source>
        <translation>请用 --library DIR 另选一个文件夹。</translation>
    </message>
    <message>
        <source>story %1 needs one story id.</source>
        <translation>story %1 需要指定一个故事 ID。</translation>
    </message>
    <message>
        <source>See the ids with: storybook-cli story list</source>
        <translation>可以用这个命令查看故事 ID：storybook-cli story list</translation>
    </message>
    <message>
        <source>--page must be between 1 and %1.</source>
        <translation>--page 必须在 1 到 %1 之间。</translation>
    </message>
    <message>
        <source>Check that the library folder is writable and the disk is not full.</source>
        <translation>请确认故事库文件夹可以写入，并且磁盘空间没有用完。</translation>
    </message>
    <message>
        <source>See the story with: storybook-cli story show ID</source>
        <translation>可以用这个命令查看故事：storybook-cli story show ID</translation>
    </message>
    <message>
        <source>story new needs an idea, e.g. storybook-cli story new &quot;a fox who is afraid of the dark&quot;.</source>
        <translation>story new 需要一个故事创意，例如：storybook-cli story new &quot;一只怕黑的小狐狸&quot;。</translation>
    </message>
    <message>
        <source>--language must be zh or en.</source>
        <translation>--language 只能是 zh 或 en。</translation>
    </message>
    <message>
        <source>--pages must be between 1 and 50.</source>
        <translation>--pages 必须在 1 到 50 之间。</translation>
    </message>
    <message>
        <source>--age must be 3-5, 6-8 or 9-12.</source>
        <translation>--age 只能是 3-5、6-8 或 9-12。</translation>
    </message>
    <message>
        <source>story continue needs either --choice N or --answer TEXT.</source>
        <translation>story continue 需要提供 --choice N 或 --answer TEXT 中的一个。</translation>
    </message>
    <message>
        <source>The story has no pages.</source>
        <translation>这个故事还没有任何页面。</translation>
    </message>
    <message>
        <source>Write it again with: storybook-cli story regenerate ID</source>
        <translation>可以用这个命令重新生成：storybook-cli story regenerate ID</translation>
    </message>
    <message>
        <source>--choice must be between 1 and %1.</source>
        <translation>--choice 必须在 1 到 %1 之间。</translation>
    </message>
    <message>
        <source>This page has no suggested answers; use --answer TEXT.</source>
        <translation>这一页没有建议的回答，请使用 --answer TEXT。</translation>
    </message>
    <message>
        <source>Start a new one with: storybook-cli story new IDEA</source>
        <translation>可以用这个命令新建一个故事：storybook-cli story new IDEA</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>unreadable: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>unfinished page</source>
        <translation>未完成的页面</translation>
    </message>
    <message>
        <source>story search needs words to look for.</source>
        <translation>story search 需要提供要搜索的词语。</translation>
    </message>
    <message>
        <source>Check the output path and the free disk space.</source>
        <translation>请检查输出路径和剩余磁盘空间。</translation>
    </message>
    <message>
        <source>story import needs one .storybook file.</source>
        <translation>story import 需要指定一个 .storybook 文件。</translation>
    </message>
    <message>
        <source>Give the path of a .storybook file.</source>
        <translation>请提供一个 .storybook 文件的路径。</translation>
    </message>
    <message>
        <source>Moved to the trash. Undo with: storybook-cli story restore %1</source>
        <translation>已移到回收站。如需恢复，请运行：storybook-cli story restore %1</translation>
    </message>
    <message>
        <source>unknown story command “%1”.</source>
        <translation>未知的 story 命令“%1”。</translation>
    </message>
    <message>
        <source>The library folder “%1” cannot be opened: its name is not valid UTF-8.</source>
        <translation>无法打开故事库文件夹“%1”：它的名字不是有效的 UTF-8。</translation>
    </message>
    <message>
        <source>Rename the folder so that its name is valid UTF-8, or choose another with --library DIR.</source>
        <translation>请把文件夹改成有效的 UTF-8 名字，或用 --library DIR 选择另一个文件夹。</translation>
    </message>
    <message>
        <source>story show/regenerate/illustrate/versions/restore-version: a page number on the reading path.</source>
        <translation>story show/regenerate/illustrate/versions/restore-version：阅读路径上的页码。</translation>
    </message>
    <message>
        <source>story export, image: the file to write.</source>
        <translation>story export、image：要写入的文件。</translation>
    </message>
    <message>
        <source>story new: paint a picture for every page (the picture provider of the settings).</source>
        <translation>story new：为每一页配图（使用设置中的绘图服务）。</translation>
    </message>
    <message>
        <source>story new: the pictures&apos; art style: %1.</source>
        <translation>story new：插图的画风：%1。</translation>
    </message>
    <message>
        <source>STYLE</source>
        <translation>画风</translation>
    </message>
    <message>
        <source>The picture provider&apos;s API base URL (default: the settings&apos;, else --base-url).</source>
        <translation>绘图服务的 API 基础地址（默认：设置中的，否则用 --base-url）。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>The picture model (default: the settings&apos;).</source>
        <translation>绘图模型（默认：设置中的）。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>story needs a command: new, continue, regenerate, illustrate, versions, restore-version, list, show, search, export, import, delete or restore.</source>
        <translation>story 需要一个子命令：new、continue、regenerate、illustrate、versions、restore-version、list、show、search、export、import、delete 或 restore。</translation>
    </message>
    <message>
        <source>Painting the characters…
</source>
        <translation>正在画角色…
</translation>
    </message>
    <message>
        <source>Painting a picture…
</source>
        <translation>正在画插图…
</translation>
    </message>
    <message>
        <source>--art-style must be one of: %1.</source>
        <translation>--art-style 必须是以下之一：%1。</translation>
    </message>
    <message>
        <source>story restore-version needs a story id and a version number (see: story versions ID --page N).</source>
        <translation>story restore-version 需要故事 ID 和版本号（查看：story versions ID --page N）。</translation>
    </message>
    <message>
        <source>story versions needs one story id.</source>
        <translation>story versions 需要一个故事 ID。</translation>
    </message>
    <message>
        <source>This page has no earlier versions.</source>
        <translation>这一页没有以前的版本。</translation>
    </message>
    <message>
        <source>The version must be between 1 and %1.</source>
        <translation>版本号必须在 1 到 %1 之间。</translation>
    </message>
    <message>
        <source>Version %1 of page %2 is shown again; the version it replaced is kept.
</source>
        <translation>第 %2 页已恢复为版本 %1；被替换的版本也保留着。
</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) written after this version.</source>
        <translation>
            <numerusform>在这个版本之后写了 %n 页。</numerusform>
        </translation>
    </message>
    <message>
        <source>story export: md, html, pdf or epub; speak: mp3, opus, wav, pcm, flac or aac (default: the settings&apos;, else mp3).</source>
        <translation>story export：md、html、pdf 或 epub；speak：mp3、opus、wav、pcm、flac 或 aac（默认：设置中的格式，未设置时为 mp3）。</translation>
    </message>
    <message>
        <source>story export needs --format md|html|pdf|epub and --output FILE.</source>
        <translation>story export 需要提供 --format md|html|pdf|epub 和 --output FILE。</translation>
    </message>
</context>
<context>
    <name>Storybook::Export::EpubExporter</name>
    <message>
        <source>The book could not be put together: %1</source>
        <translation>无法生成电子书：%1</translation>
    </message>
</context>
<context>
    <name>Storybook::Generation::Illustrator</name>
    <message>
        <source>There is no connection to a picture provider.</source>
        <translation>没有连接到绘图服务。</translation>
    </message>
</context>
<context>
    <name>Storybook::Generation::NarrationMaker</name>
    <message>
        <source>There is no connection to a speech provider.</source>
        <translation>没有连接到语音服务。</translation>
    </message>
    <message>
        <source>The speech provider&apos;s audio for this sentence could not be kept as one sound.</source>
        <translation>语音服务为这一句返回的音频无法合成一段声音保存。</translation>
    </message>
</context>
<context>
    <name>Storybook::Generation::StoryGenerator</name>
    <message>
        <source>A page is being written already.</source>
        <translation>已经有一页正在写，请稍等。</translation>
    </message>
    <message>
        <source>Please write a story idea first.</source>
        <translation>请先写下一个故事创意。</translation>
    </message>
    <message>
        <source>That page is not in the story.</source>
        <translation>这个故事里没有那一页。</translation>
    </message>
    <message>
        <source>The story has ended on this page.</source>
        <translation>故事已经在这一页结束了。</translation>
    </message>
    <message>
        <source>There is no answer number %1 on this page.</source>
        <translation>这一页没有第 %1 个回答。</translation>
    </message>
    <message>
        <source>Please give an answer first.</source>
        <translation>请先给出一个回答。</translation>
    </message>
    <message>
        <source>The story has no pages.</source>
        <translation>这个故事还没有任何页面。</translation>
    </message>
    <message>
        <source>There is no connection to a model.</source>
        <translation>还没有连接到模型。</translation>
    </message>
    <message>
        <source>The model sent nothing that could be used as a page.</source>
        <translation>模型返回的内容无法用作故事页面。</translation>
    </message>
    <message>
        <source>Try again, or choose another model in Settings → Provider.</source>
        <translation>请重试，或在“设置 → 服务商”中换一个模型。</translation>
    </message>
    <message>
        <source>Please wait until the page is written, or stop it first.</source>
        <translation>请等这一页写完，或者先停止。</translation>
    </message>
    <message>
        <source>This page is not finished yet: write it first, then paint its picture.</source>
        <translation>这一页还没写完：先把它写完，再给它配图。</translation>
    </message>
    <message>
        <source>The model stopped before the page was finished: it reached its length limit.</source>
        <translation>这一页还没写完模型就停下了：它达到了回答长度的上限。</translation>
    </message>
    <message>
        <source>Write the page again, or raise the model&apos;s answer length in its settings.</source>
        <translation>重写这一页，或在模型的设置里调高回答长度。</translation>
    </message>
    <message>
        <source>The provider&apos;s safety filter stopped this page before it was finished.</source>
        <translation>服务的安全过滤在这一页写完之前把它拦下了。</translation>
    </message>
    <message>
        <source>Write the page again, or change the story idea or the answer a little.</source>
        <translation>重写这一页，或者把故事构思或回答稍微改一改。</translation>
    </message>
    <message>
        <source>The narration could not be kept: a sentence&apos;s sound is missing.</source>
        <translation>无法保存朗读：有一句话的声音缺失了。</translation>
    </message>
    <message>
        <source>The provider&apos;s moderation flagged this page, also when it was written again more gently.</source>
        <translation>服务商的内容审核标记了这一页，用更温和的方式重写后仍然如此。</translation>
    </message>
    <message>
        <source>Read it first, then write it again or choose another answer.</source>
        <translation>请先读一读，再重写这一页或选择另一个回答。</translation>
    </message>
</context>
<context>
    <name>Storybook::Llm::Diagnostics</name>
    <message>
        <source>The lookup took longer than %1 seconds.</source>
        <translation>域名解析超过 %1 秒仍未完成。</translation>
    </message>
    <message>
        <source>Not run, because an earlier check failed.</source>
        <translation>未执行，因为前面的检查没有通过。</translation>
    </message>
    <message>
        <source>Everything works: the model answered through %1.</source>
        <translation>一切正常：模型已成功回复（连接方式：%1）。</translation>
    </message>
    <message>
        <source>The model answered, although the server&apos;s model list does not name it.</source>
        <translation>模型已成功回复，不过服务器的模型列表中没有列出它。</translation>
    </message>
    <message>
        <source>no API key (fine for local servers)</source>
        <translation>未设置 API 密钥（使用本地服务器时无需设置）</translation>
    </message>
    <message>
        <source>an API key is set</source>
        <translation>已设置 API 密钥</translation>
    </message>
    <message>
        <source>Server %1, model “%2”, %3.</source>
        <translation>服务器 %1，模型“%2”，%3。</translation>
    </message>
    <message>
        <source>Direct connection (%1).</source>
        <translation>直接连接，不使用代理（%1）。</translation>
    </message>
    <message>
        <source>%1 (%2).</source>
        <translation>%1（%2）。</translation>
    </message>
    <message>
        <source>No proxy is used.</source>
        <translation>未使用代理。</translation>
    </message>
    <message>
        <source>The proxy %1 accepts connections.</source>
        <translation>代理 %1 可以正常连接。</translation>
    </message>
    <message>
        <source>%1 is an address; no lookup is needed.</source>
        <translation>%1 本身就是 IP 地址，无需域名解析。</translation>
    </message>
    <message>
        <source>The proxy looks up “%1” itself.</source>
        <translation>由代理自行解析“%1”。</translation>
    </message>
    <message>
        <source>“%1” is %2.</source>
        <translation>“%1”解析为 %2。</translation>
    </message>
    <message>
        <source>Plain HTTP through an HTTP proxy needs no tunnel; the next check covers it.</source>
        <translation>通过 HTTP 代理访问普通 HTTP 地址时无需建立隧道，下一项检查会一并验证。</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>已连接到 %1。</translation>
    </message>
    <message>
        <source>Connected to %1 through the proxy.</source>
        <translation>已通过代理连接到 %1。</translation>
    </message>
    <message>
        <source>TLS %1, certificate for %2 issued by %3.</source>
        <translation>TLS %1，%2 的证书由 %3 签发。</translation>
    </message>
    <message>
        <source>The server has no model list (%1).</source>
        <translation>服务器没有提供模型列表（%1）。</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) offered over %1.</source>
        <translation>
            <numerusform>通过 %1 提供了 %n 个模型。</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is among them.</source>
        <translation>其中包括“%1”。</translation>
    </message>
    <message>
        <source>“%1” is not among them.</source>
        <translation>其中不包括“%1”。</translation>
    </message>
    <message>
        <source>The model “%1” answered over %2 in %3 ms.</source>
        <translation>模型“%1”通过 %2 在 %3 毫秒内作出了回复。</translation>
    </message>
    <message>
        <source>Everything works: the picture provider painted through %1.</source>
        <translation>一切正常：绘图服务通过 %1 画出了图。</translation>
    </message>
    <message>
        <source>It needs no username or password; the ones given are not used.</source>
        <translation>它不需要用户名和密码；填写的用户名和密码没有使用。</translation>
    </message>
    <message>
        <source>“%1” painted a %2 picture (%3 KB) over %4 in %5 ms.</source>
        <translation>“%1”通过 %4 画了一张 %2 图片（%3 KB），用时 %5 毫秒。</translation>
    </message>
    <message>
        <source>It was fetched from %1 in %2 ms.</source>
        <translation>从 %1 下载用时 %2 毫秒。</translation>
    </message>
    <message>
        <source>Everything works: the speech provider spoke through %1.</source>
        <translation>一切正常：语音服务已通过 %1 完成朗读。</translation>
    </message>
    <message>
        <source>“%1” spoke with the voice “%2”: %3 audio (%4 KB) over %5 in %6 ms.</source>
        <translation>“%1”用音色“%2”完成朗读：%3 音频（%4 KB），经由 %5，用时 %6 毫秒。</translation>
    </message>
</context>
<context>
    <name>Storybook::Llm::DiagnosticsReport</name>
    <message>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Effective proxy</source>
        <translation>实际使用的代理</translation>
    </message>
    <message>
        <source>Proxy reachable</source>
        <translation>代理连通性</translation>
    </message>
    <message>
        <source>Server name lookup (DNS)</source>
        <translation>服务器域名解析（DNS）</translation>
    </message>
    <message>
        <source>Connection (TCP/TLS)</source>
        <translation>连接（TCP/TLS）</translation>
    </message>
    <message>
        <source>Model list (GET /models)</source>
        <translation>模型列表（GET /models）</translation>
    </message>
    <message>
        <source>One-token chat completion</source>
        <translation>简短对话测试（1 个 token）</translation>
    </message>
    <message>
        <source>Interactive Storybook %1 — connection check</source>
        <translation>互动绘本 %1——连接检查</translation>
    </message>
    <message>
        <source>Effective proxy: %1</source>
        <translation>实际使用的代理：%1</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>结论：%1</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>建议：%1</translation>
    </message>
    <message>
        <source>One small picture (costs as much as one picture)</source>
        <translation>一张小图（费用相当于画一张图）</translation>
    </message>
    <message>
        <source>One short spoken sentence (costs as much as its words)</source>
        <translation>朗读一个短句（费用与这句话的字数相当）</translation>
    </message>
</context>
<context>
    <name>Storybook::Llm::LlmError</name>
    <message>
        <source>the answer is too large</source>
        <translation>内容太大</translation>
    </message>
    <message>
        <source>it sent a web page instead of JSON</source>
        <translation>对方发来的是网页，而不是 JSON</translation>
    </message>
    <message>
        <source>invalid JSON (%1)</source>
        <translation>JSON 格式无效（%1）</translation>
    </message>
    <message numerus="yes">
        <source>%n stream event(s) were not valid JSON</source>
        <translation>
            <numerusform>有 %n 个流式事件不是有效的 JSON</numerusform>
        </translation>
    </message>
    <message>
        <source>the %1 proxy %2</source>
        <extracomment>%1 is SOCKS5 or HTTP, %2 is host:port, e.g. &quot;the SOCKS5 proxy 127.0.0.1:1080&quot;</extracomment>
        <translation>%1 代理 %2</translation>
    </message>
    <message>
        <source>it did not answer in time</source>
        <translation>对方没有及时响应</translation>
    </message>
    <message>
        <source>nothing is listening there</source>
        <translation>该地址没有程序在监听</translation>
    </message>
    <message>
        <source>The server address “%1” is not a valid http:// or https:// address.</source>
        <translation>服务器地址“%1”不是有效的 http:// 或 https:// 地址。</translation>
    </message>
    <message>
        <source>Enter the provider&apos;s API address, for example https://api.openai.com/v1, in Settings → Provider.</source>
        <translation>请在“设置 → 服务商”中填写服务商的 API 地址，例如 https://api.openai.com/v1。</translation>
    </message>
    <message>
        <source>No model is selected.</source>
        <translation>尚未选择模型。</translation>
    </message>
    <message>
        <source>Choose a model in Settings → Provider (the list is filled from the server).</source>
        <translation>请在“设置 → 服务商”中选择一个模型（列表内容从服务器获取）。</translation>
    </message>
    <message>
        <source>The proxy setting is not valid: %1</source>
        <translation>代理设置无效：%1</translation>
    </message>
    <message>
        <source>Correct the proxy in Settings → Network.</source>
        <translation>请在“设置 → 网络”中更正代理设置。</translation>
    </message>
    <message>
        <source>The proxy “%1” is of a type Interactive Storybook cannot use.</source>
        <translation>互动绘本无法使用代理“%1”的类型。</translation>
    </message>
    <message>
        <source>Use an http://, socks5:// or socks5h:// proxy, or choose one in Settings → Network.</source>
        <translation>请使用 http://、socks5:// 或 socks5h:// 类型的代理，或在“设置 → 网络”中另选代理。</translation>
    </message>
    <message>
        <source>The CA certificate file “%1” could not be read or holds no PEM certificate.</source>
        <translation>无法读取 CA 证书文件“%1”，或者文件中没有 PEM 格式的证书。</translation>
    </message>
    <message>
        <source>Choose a PEM file with your organisation&apos;s CA certificate in Settings → Network, or clear the field.</source>
        <translation>请在“设置 → 网络”中选择包含您所在单位 CA 证书的 PEM 文件，或者清空这一项。</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2.</source>
        <translation>无法连接到 %1：%2。</translation>
    </message>
    <message>
        <source>Check that the proxy program is running and that its host and port are right in Settings → Network, or turn the proxy off.</source>
        <translation>请确认代理程序正在运行，并在“设置 → 网络”中检查代理的主机和端口是否正确；也可以关闭代理。</translation>
    </message>
    <message>
        <source>%1 rejected the username or password.</source>
        <translation>%1 拒绝了所填的用户名或密码。</translation>
    </message>
    <message>
        <source>Check the proxy username and password in Settings → Network.</source>
        <translation>请在“设置 → 网络”中检查代理的用户名和密码。</translation>
    </message>
    <message>
        <source>%1 works, but could not connect to the server %2.</source>
        <translation>%1 可以连接，但它无法连接到服务器 %2。</translation>
    </message>
    <message>
        <source>Check the server address, and whether the proxy may reach it (some proxies allow only certain sites or ports).</source>
        <translation>请检查服务器地址，并确认该代理允许访问它（有些代理只允许访问特定的网站或端口）。</translation>
    </message>
    <message>
        <source>%1 did not answer like a proxy of that type (%2).</source>
        <translation>%1 的响应与所设的代理类型不符（%2）。</translation>
    </message>
    <message>
        <source>Check the proxy type (HTTP or SOCKS5) and the port in Settings → Network.</source>
        <translation>请在“设置 → 网络”中检查代理类型（HTTP 或 SOCKS5）和端口。</translation>
    </message>
    <message>
        <source>The server name “%1” could not be found (DNS lookup failed).</source>
        <translation>找不到服务器“%1”（DNS 域名解析失败）。</translation>
    </message>
    <message>
        <source>Check the server address and the internet connection. If a proxy is needed to reach it, set one in Settings → Network.</source>
        <translation>请检查服务器地址和网络连接。如果需要通过代理才能访问，请在“设置 → 网络”中设置代理。</translation>
    </message>
    <message>
        <source>The server %1 refused the connection.</source>
        <translation>服务器 %1 拒绝了连接。</translation>
    </message>
    <message>
        <source>Check the server address and port. For a local server (Ollama, LM Studio, llama.cpp), make sure it is running.</source>
        <translation>请检查服务器地址和端口。如果使用的是本地服务器（Ollama、LM Studio、llama.cpp），请确认它已经启动。</translation>
    </message>
    <message>
        <source>The connection to %1 was closed unexpectedly.</source>
        <translation>与 %1 的连接意外断开。</translation>
    </message>
    <message>
        <source>The connection to %1 was cut off in the middle of the answer.</source>
        <translation>接收回复的过程中，与 %1 的连接中途断开了。</translation>
    </message>
    <message>
        <source>Try again. If it keeps happening, a proxy or firewall may be cutting the connection.</source>
        <translation>请重试。如果反复出现，可能是代理或防火墙切断了连接。</translation>
    </message>
    <message>
        <source>The secure connection (TLS) to %1 could not be set up: %2</source>
        <translation>无法与 %1 建立安全连接（TLS）：%2</translation>
    </message>
    <message>
        <source>Check that the address uses the right scheme (https:// or http://) and port.</source>
        <translation>请检查地址开头的协议（https:// 或 http://）和端口是否正确。</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted: %2</source>
        <translation>%1 的证书不受信任：%2</translation>
    </message>
    <message>
        <source>If your network inspects HTTPS (a company proxy), add its CA certificate (PEM) in Settings → Network. Otherwise check the computer&apos;s date and time.</source>
        <translation>如果您所在的网络会检查 HTTPS 流量（例如公司代理），请在“设置 → 网络”中添加它的 CA 证书（PEM）。否则，请检查电脑的日期和时间是否正确。</translation>
    </message>
    <message>
        <source>A network error occurred while talking to %1: %2</source>
        <translation>与 %1 通信时发生网络错误：%2</translation>
    </message>
    <message>
        <source>Check the internet connection and try again.</source>
        <translation>请检查网络连接，然后重试。</translation>
    </message>
    <message>
        <source>The server %1 rejected the API key: %2</source>
        <translation>服务器 %1 拒绝了 API 密钥：%2</translation>
    </message>
    <message>
        <source>Check the API key in Settings → Provider. A key works only with the provider that issued it.</source>
        <translation>请在“设置 → 服务商”中检查 API 密钥。API 密钥只能在发放它的服务商处使用。</translation>
    </message>
    <message>
        <source>The API key may not use this (HTTP 403): %1</source>
        <translation>该 API 密钥没有相应的使用权限（HTTP 403）：%1</translation>
    </message>
    <message>
        <source>Check that the account has access to this model and has credit left.</source>
        <translation>请确认该账户有权使用这个模型，并且还有剩余额度。</translation>
    </message>
    <message>
        <source>The model “%1” does not exist on this server: %2</source>
        <translation>这台服务器上没有模型“%1”：%2</translation>
    </message>
    <message>
        <source>Choose a model from the list in Settings → Provider.</source>
        <translation>请在“设置 → 服务商”的列表中选择一个模型。</translation>
    </message>
    <message>
        <source>The address %1 does not exist on the server (HTTP 404).</source>
        <translation>服务器上不存在地址 %1（HTTP 404）。</translation>
    </message>
    <message>
        <source>Check the base URL in Settings → Provider; it usually ends in /v1.</source>
        <translation>请在“设置 → 服务商”中检查接口地址，它通常以 /v1 结尾。</translation>
    </message>
    <message>
        <source>The server asks to slow down or the quota is used up (HTTP 429): %1</source>
        <translation>服务器要求降低请求频率，或者额度已用完（HTTP 429）：%1</translation>
    </message>
    <message>
        <source>Wait a minute and try again, or check the plan&apos;s limits with the provider.</source>
        <translation>请等一分钟后重试，或向服务商了解当前套餐的用量限制。</translation>
    </message>
    <message>
        <source>The server had a problem (HTTP %1): %2</source>
        <translation>服务器出现了问题（HTTP %1）：%2</translation>
    </message>
    <message>
        <source>This is on the provider&apos;s side. Try again in a few minutes.</source>
        <translation>这是服务商那边的问题，请过几分钟再试。</translation>
    </message>
    <message>
        <source>The server answered with an error (HTTP %1): %2</source>
        <translation>服务器返回了错误（HTTP %1）：%2</translation>
    </message>
    <message>
        <source>Check the base URL and the model in Settings → Provider.</source>
        <translation>请在“设置 → 服务商”中检查接口地址和模型。</translation>
    </message>
    <message>
        <source>The model stopped with an error: %1</source>
        <translation>模型出错，回复已中止：%1</translation>
    </message>
    <message>
        <source>Try again. If it happens again, try another model.</source>
        <translation>请重试。如果再次出现，请换一个模型试试。</translation>
    </message>
    <message>
        <source>Connecting to %1 took longer than %2 seconds.</source>
        <translation>超过 %2 秒仍未能连接到 %1。</translation>
    </message>
    <message>
        <source>The server %1 sent nothing for %2 seconds.</source>
        <translation>服务器 %1 已有 %2 秒没有发送任何数据。</translation>
    </message>
    <message>
        <source>The answer from %1 could not be understood: %2</source>
        <translation>无法识别 %1 返回的响应：%2</translation>
    </message>
    <message>
        <source>Check that the base URL points to an OpenAI-compatible API (it usually ends in /v1).</source>
        <translation>请确认接口地址指向的是兼容 OpenAI 的 API（通常以 /v1 结尾）。</translation>
    </message>
    <message>
        <source>The model sent an empty answer.</source>
        <translation>模型返回了空白回复。</translation>
    </message>
    <message>
        <source>Try again, or choose another model.</source>
        <translation>请重试，或换一个模型。</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>请求已取消。</translation>
    </message>
    <message>
        <source>An internal error occurred: %1</source>
        <translation>发生内部错误：%1</translation>
    </message>
    <message>
        <source>Please report this, with the diagnostics report attached.</source>
        <translation>请反馈这个问题，并附上诊断报告。</translation>
    </message>
    <message>
        <source>(no message)</source>
        <translation>（无详细信息）</translation>
    </message>
    <message>
        <source>it closed the connection</source>
        <translation>对方关闭了连接</translation>
    </message>
    <message>
        <source>its host name could not be found</source>
        <translation>找不到该主机名</translation>
    </message>
    <message>
        <source>it redirected a secure request to an insecure address</source>
        <translation>它把安全请求重定向到了不安全的地址</translation>
    </message>
    <message>
        <source>%1 through %2 proxy %3</source>
        <translation>%1（通过 %2 代理 %3）</translation>
    </message>
    <message>
        <source>it redirected to an address that is not a web address</source>
        <translation>它重定向到了一个不是网址的地址</translation>
    </message>
    <message numerus="yes">
        <source>it redirected more than %n time(s)</source>
        <translation>
            <numerusform>它重定向超过了 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 asks for a username and password, and none was given.</source>
        <translation>%1 要求用户名和密码，但没有填写。</translation>
    </message>
    <message>
        <source>Enter the proxy username and password in Settings → Network (storybook-cli: --proxy http://USER@HOST:PORT with the password in STORYBOOK_PROXY_PASSWORD).</source>
        <translation>请在“设置 → 网络”中填写代理的用户名和密码（storybook-cli：--proxy http://用户名@主机:端口，密码放在 STORYBOOK_PROXY_PASSWORD 中）。</translation>
    </message>
    <message>
        <source>%1 does not allow connections to %2: its rules refuse this server or port.</source>
        <translation>%1 不允许连接到 %2：它的规则拒绝这个服务器或端口。</translation>
    </message>
    <message>
        <source>The proxy&apos;s administrator decides which servers and ports may be reached: ask them to allow %1, or use another proxy.</source>
        <translation>能访问哪些服务器和端口由代理的管理员决定：请他们放行 %1，或者换一个代理。</translation>
    </message>
    <message>
        <source>%1 is a SOCKS5 proxy: choose SOCKS5.</source>
        <translation>%1 是 SOCKS5 代理：请选择 SOCKS5。</translation>
    </message>
    <message>
        <source>%1 is an HTTP proxy: choose HTTP.</source>
        <translation>%1 是 HTTP 代理：请选择 HTTP。</translation>
    </message>
    <message>
        <source>Set the proxy type to %1 in Settings → Network (as an address: %2).</source>
        <translation>请在“设置 → 网络”中把代理类型设为 %1（写成地址是：%2）。</translation>
    </message>
    <message>
        <source>%1 accepted the connection, but nothing came back through it from %2.</source>
        <translation>%1 接受了连接，但没有从 %2 传回任何内容。</translation>
    </message>
    <message>
        <source>The proxy&apos;s own connection is the likely cause: check its server, key or subscription (for a shadowsocks, V2Ray or Clash client, whether it reaches its server), or try another proxy.</source>
        <translation>很可能是代理自己的连接出了问题：请检查它的服务器、密钥或订阅（shadowsocks、V2Ray 或 Clash 客户端要看它能否连上自己的服务器），或者换一个代理。</translation>
    </message>
    <message>
        <source>The provider&apos;s safety system refused this request: %1</source>
        <translation>服务的安全系统拒绝了这个请求：%1</translation>
    </message>
    <message>
        <source>Nothing is wrong with the connection or the key. Describe the scene in gentler words, or choose another art style, and try again.</source>
        <translation>连接和密钥都没有问题。请用更温和的话描述画面，或换一种画风，再试一次。</translation>
    </message>
    <message>
        <source>The account at %1 has no credit left: %2</source>
        <translation>%1 上的账户余额已用完：%2</translation>
    </message>
    <message>
        <source>Add credit or check the plan with the provider, then try again.</source>
        <translation>请充值或在服务商那里检查套餐，然后再试。</translation>
    </message>
    <message>
        <source>The server %1 answered %2 (a gateway in front of it could not get an answer).</source>
        <translation>服务器 %1 返回了 %2（它前面的网关没能拿到回答）。</translation>
    </message>
    <message>
        <source>the picture is too large</source>
        <translation>图片太大</translation>
    </message>
    <message>
        <source>The picture has no description (prompt).</source>
        <translation>这幅图没有描述（提示词）。</translation>
    </message>
    <message>
        <source>Describe what the picture should show.</source>
        <translation>请描述图中应该画什么。</translation>
    </message>
    <message>
        <source>The reference picture “%1” is not a whole PNG, JPEG or WebP image.</source>
        <translation>参考图片“%1”不是完整的 PNG、JPEG 或 WebP 图片。</translation>
    </message>
    <message>
        <source>Use a PNG, JPEG or WebP picture as the reference.</source>
        <translation>请用 PNG、JPEG 或 WebP 图片作为参考。</translation>
    </message>
    <message>
        <source>it sent a web page instead of a picture</source>
        <translation>它返回的是网页而不是图片</translation>
    </message>
    <message>
        <source>it sent data that is not a PNG, JPEG or WebP picture</source>
        <translation>它返回的数据不是 PNG、JPEG 或 WebP 图片</translation>
    </message>
    <message>
        <source>the picture it sent is damaged or incomplete</source>
        <translation>它返回的图片已损坏或不完整</translation>
    </message>
    <message>
        <source>its picture is not valid base64</source>
        <translation>它返回的图片不是有效的 base64</translation>
    </message>
    <message>
        <source>its picture address is not a web address</source>
        <translation>它返回的图片地址不是网址</translation>
    </message>
    <message>
        <source>%1 sent no picture</source>
        <translation>%1 没有返回图片</translation>
    </message>
    <message>
        <source>it holds no picture</source>
        <translation>里面没有图片</translation>
    </message>
    <message>
        <source>the picture&apos;s address at %1 was refused (such addresses expire within the hour)</source>
        <translation>%1 上的图片地址被拒绝了（这类地址一小时内就会失效）</translation>
    </message>
    <message>
        <source>Paint the picture again; its address is fetched at once each time.</source>
        <translation>请重画这幅图；每次都会立即下载它的地址。</translation>
    </message>
    <message>
        <source>Check the network and the proxy. The connection timeout can be raised in Settings → Network → Advanced.</source>
        <translation>请检查网络和代理。也可以在“设置 → 网络 → 高级”中调高连接超时。</translation>
    </message>
    <message>
        <source>The model or the network stalled. Try again, or raise the silence timeout in Settings → Network → Advanced.</source>
        <translation>模型或网络卡住了。请重试，或在“设置 → 网络 → 高级”中调高空闲超时。</translation>
    </message>
    <message>
        <source>The answer from %1 took longer than the total time limit of %2 seconds.</source>
        <translation>等待 %1 的回复超出了总超时时间（%2 秒）。</translation>
    </message>
    <message>
        <source>Raise or remove the total time limit in Settings → Network → Advanced.</source>
        <translation>请在“设置 → 网络 → 高级”中调高或取消总超时。</translation>
    </message>
    <message>
        <source>There is no text to speak.</source>
        <translation>没有要朗读的文字。</translation>
    </message>
    <message>
        <source>Give the text that should be read aloud.</source>
        <translation>请提供要朗读的文字。</translation>
    </message>
    <message>
        <source>No voice is chosen for the speech provider.</source>
        <translation>还没有为语音服务选择音色。</translation>
    </message>
    <message>
        <source>Choose a voice the speech model offers, e.g. alloy (OpenAI) or FunAudioLLM/CosyVoice2-0.5B:alex (SiliconFlow).</source>
        <translation>请选择该语音模型提供的音色，例如 alloy（OpenAI）或 FunAudioLLM/CosyVoice2-0.5B:alex（硅基流动）。</translation>
    </message>
    <message>
        <source>The speaking speed %1 is out of range.</source>
        <translation>语速 %1 超出范围。</translation>
    </message>
    <message>
        <source>Choose a speed from 0.25 to 4 (1 is normal).</source>
        <translation>请选择 0.25 到 4 之间的语速（1 为正常语速）。</translation>
    </message>
    <message>
        <source>No audio format is chosen.</source>
        <translation>还没有选择音频格式。</translation>
    </message>
    <message>
        <source>Choose mp3, opus, wav, pcm, flac or aac.</source>
        <translation>请选择 mp3、opus、wav、pcm、flac 或 aac。</translation>
    </message>
    <message>
        <source>Check the speech provider&apos;s API key; it is separate from the text provider&apos;s (storybook-cli reads it from STORYBOOK_SPEECH_API_KEY).</source>
        <translation>请检查语音服务的 API 密钥；它与文字服务的密钥是分开的（storybook-cli 从 STORYBOOK_SPEECH_API_KEY 读取）。</translation>
    </message>
    <message>
        <source>Choose a speech model the provider offers, e.g. gpt-4o-mini-tts or tts-1 (OpenAI), FunAudioLLM/CosyVoice2-0.5B (SiliconFlow).</source>
        <translation>请选择该服务提供的语音模型，例如 gpt-4o-mini-tts 或 tts-1（OpenAI）、FunAudioLLM/CosyVoice2-0.5B（硅基流动）。</translation>
    </message>
    <message>
        <source>The speech provider limits how much can be spoken per minute. Wait a minute and try again, or check the plan&apos;s limits with the provider.</source>
        <translation>语音服务限制了每分钟可朗读的量。请等一分钟再试，或向服务商确认套餐的限额。</translation>
    </message>
    <message>
        <source>The voice “%1” is not one this speech model offers. Choose another voice.</source>
        <translation>该语音模型没有“%1”这个音色。请选择其他音色。</translation>
    </message>
    <message>
        <source>This speech provider does not make %1 audio. Choose another format, e.g. mp3 or wav.</source>
        <translation>该语音服务不能生成 %1 音频。请选择其他格式，例如 mp3 或 wav。</translation>
    </message>
    <message>
        <source>This speech model takes no speaking style. Leave the style empty, or use gpt-4o-mini-tts.</source>
        <translation>该语音模型不支持说话风格。请把风格留空，或改用 gpt-4o-mini-tts。</translation>
    </message>
    <message>
        <source>This speech model does not accept that speed. Use speed 1.</source>
        <translation>该语音模型不接受这个语速。请使用语速 1。</translation>
    </message>
    <message>
        <source>Check the speech provider&apos;s base URL, model and voice.</source>
        <translation>请检查语音服务的接口地址、模型和音色。</translation>
    </message>
    <message>
        <source>the audio is too large</source>
        <translation>音频太大</translation>
    </message>
    <message>
        <source>it sent JSON instead of audio</source>
        <translation>它返回的是 JSON，而不是音频</translation>
    </message>
    <message>
        <source>it sent a web page instead of audio</source>
        <translation>它返回的是网页，而不是音频</translation>
    </message>
    <message>
        <source>the audio it sent is damaged</source>
        <translation>它返回的音频已损坏</translation>
    </message>
    <message>
        <source>it sent data that is not audio</source>
        <translation>它返回的数据不是音频</translation>
    </message>
    <message>
        <source>the audio it sent is damaged or incomplete</source>
        <translation>它返回的音频已损坏或不完整</translation>
    </message>
    <message>
        <source>its parts came in different audio formats</source>
        <translation>各段音频的格式不一致</translation>
    </message>
    <message>
        <source>the answer has no moderation result</source>
        <translation>回答中没有审核结果</translation>
    </message>
</context>
<context>
    <name>Storybook::Llm::ProxyResolver</name>
    <message>
        <source>proxy turned off in settings</source>
        <translation>已在设置中关闭代理</translation>
    </message>
    <message>
        <source>bypass list entry “%1”</source>
        <translation>匹配绕过列表中的“%1”</translation>
    </message>
    <message>
        <source>explicit setting</source>
        <translation>在设置中指定</translation>
    </message>
    <message>
        <source>Correct the proxy in Settings → Network.</source>
        <translation>请在“设置 → 网络”中更正代理设置。</translation>
    </message>
    <message>
        <source>environment variable %1 entry “%2”</source>
        <translation>匹配环境变量 %1 中的“%2”</translation>
    </message>
    <message>
        <source>environment variable %1</source>
        <translation>环境变量 %1</translation>
    </message>
    <message>
        <source>The proxy “%1” from %2 is not a valid proxy address.</source>
        <translation>来自%2 的代理“%1”不是有效的代理地址。</translation>
    </message>
    <message>
        <source>Fix or unset it, or choose a proxy explicitly in Settings → Network.</source>
        <translation>请修正或清除这个设置，或在“设置 → 网络”中直接指定代理。</translation>
    </message>
    <message>
        <source>The proxy “%1” from %2 uses the type “%3”, which Interactive Storybook cannot use.</source>
        <translation>来自%2 的代理“%1”使用的是“%3”类型，互动绘本无法使用这种类型。</translation>
    </message>
    <message>
        <source>Use an http://, socks5:// or socks5h:// proxy, or choose one in Settings → Network.</source>
        <translation>请使用 http://、socks5:// 或 socks5h:// 类型的代理，或在“设置 → 网络”中另选代理。</translation>
    </message>
    <message>
        <source>no proxy in the environment or the operating system settings</source>
        <translation>环境变量和操作系统设置中都没有配置代理</translation>
    </message>
    <message>
        <source>operating system proxy settings</source>
        <translation>操作系统代理设置</translation>
    </message>
</context>
<context>
    <name>Storybook::Llm::ProxySettings</name>
    <message>
        <source>“%1” is not a proxy. Use none, system, http://host:port, socks5://host:port or socks5h://host:port.</source>
        <translation>“%1”不是有效的代理。请使用 none、system、http://host:port、socks5://host:port 或 socks5h://host:port。</translation>
    </message>
    <message>
        <source>The proxy type “%1” is not supported. Use http://, socks5:// or socks5h://.</source>
        <translation>不支持代理类型“%1”。请使用 http://、socks5:// 或 socks5h://。</translation>
    </message>
    <message>
        <source>The proxy host is empty.</source>
        <translation>未填写代理主机。</translation>
    </message>
    <message>
        <source>“%1” is not a valid proxy host name or address.</source>
        <translation>“%1”不是有效的代理主机名或地址。</translation>
    </message>
    <message>
        <source>The proxy port must be between 1 and 65535.</source>
        <translation>代理端口必须在 1 到 65535 之间。</translation>
    </message>
</context>
<context>
    <name>Storybook::SettingsUi::ConnectDialog</name>
    <message>
        <source>Connect a story writer</source>
        <translation>连接写故事的服务</translation>
    </message>
    <message>
        <source>Which service should write the stories?</source>
        <translation>由哪个服务来写故事？</translation>
    </message>
    <message>
        <source>Story writers</source>
        <translation>写故事的服务</translation>
    </message>
    <message>
        <source>Runs on this computer; no key needed.</source>
        <translation>在这台电脑上运行，不需要密钥。</translation>
    </message>
    <message>
        <source>Any server with the OpenAI chat API.</source>
        <translation>任何提供 OpenAI 聊天接口的服务器。</translation>
    </message>
    <message>
        <source>A service on the internet; needs an API key from its website.</source>
        <translation>互联网上的服务，需要从它的网站获取 API 密钥。</translation>
    </message>
    <message>
        <source>A service on the internet needs an API key from its website. A program on this computer (Ollama, LM Studio, llama.cpp) needs none.</source>
        <translation>互联网上的服务需要从它的网站获取 API 密钥。这台电脑上的程序（Ollama、LM Studio、llama.cpp）不需要。</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>显示(&amp;H)</translation>
    </message>
    <message>
        <source>Show the API key</source>
        <translation>显示 API 密钥</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>服务器地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>Trying the story writer…</source>
        <translation>正在试用写故事的服务…</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>怎么办</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>再试一次(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>%1 runs on this computer: no key is needed. Start it, then go on to try it.</source>
        <translation>%1 在这台电脑上运行，不需要密钥。请先启动它，然后继续试用。</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address and model, and its API key if it needs one.</source>
        <translation>请输入服务器地址和模型；如果需要，再输入 API 密钥。</translation>
    </message>
    <message>
        <source>Paste your %1 API key. You get it on the provider&apos;s website, under API keys.</source>
        <translation>请粘贴你的 %1 API 密钥。可以在服务商网站的 API 密钥页面获取。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>✓ It works: the story writer answered.</source>
        <translation>✓ 可以用了：写故事的服务已经回复。</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>怎么办：%1</translation>
    </message>
</context>
<context>
    <name>Storybook::SettingsUi::DiagnosticsPage</name>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Press “Run checks” to test the connection.</source>
        <translation>点击“开始检查”来测试连接。</translation>
    </message>
    <message>
        <source>R&amp;un checks again</source>
        <translation>重新检查(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Stop checks</source>
        <translation>停止检查(&amp;S)</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>The checks were stopped.</source>
        <translation>检查已停止。</translation>
    </message>
    <message>
        <source>R&amp;un checks</source>
        <translation>开始检查(&amp;U)</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>正在检查</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation>怎么办：%1</translation>
    </message>
    <message>
        <source>Copied. Paste it into a message to whoever helps you.</source>
        <translation>已复制。请把它粘贴到消息里，发给帮你解决问题的人。</translation>
    </message>
    <message>
        <source>Nothing has been logged yet. The log is kept in %1</source>
        <translation>目前还没有日志。日志保存在：%1</translation>
    </message>
</context>
<context>
    <name>Storybook::SettingsUi::GeneralPage</name>
    <message>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>The usual voice of the story&apos;s language</source>
        <translation>故事语言的默认声音</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>较慢</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>较快</translation>
    </message>
    <message>
        <source>Once upon a time, a little fox found a lantern in the snow.</source>
        <translation>从前，有一只小狐狸在雪地里找到了一盏灯笼。</translation>
    </message>
</context>
<context>
    <name>Storybook::SettingsUi::KeyNeeds</name>
    <message>
        <source>Not needed for a program on this computer</source>
        <translation>使用这台电脑上的程序时无需填写</translation>
    </message>
    <message>
        <source>API key, if the server needs one</source>
        <translation>API 密钥（如果服务器需要）</translation>
    </message>
    <message>
        <source>%1 API key</source>
        <extracomment>%1 is a provider&apos;s name, e.g. &quot;DeepSeek API key&quot;</extracomment>
        <translation>%1 API 密钥</translation>
    </message>
</context>
<context>
    <name>Storybook::SettingsUi::NetworkPage</name>
    <message>
        <source>Advanced connection options</source>
        <translation>高级连接选项</translation>
    </message>
    <message>
        <source>A&amp;dvanced…</source>
        <translation>高级(&amp;D)…</translation>
    </message>
    <message>
        <source>Show the advanced connection options</source>
        <translation>显示高级连接选项</translation>
    </message>
    <message>
        <source>Choose a certificates file</source>
        <translation>选择证书文件</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM 证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>No keychain is available: the password is kept only until the app closes.</source>
        <translation>没有可用的系统钥匙串：密码只会保留到应用关闭为止。</translation>
    </message>
    <message>
        <source>Enter the proxy&apos;s port, a number from 1 to 65535 (for example 7890 or 1080).</source>
        <translation>请填写代理的端口，即 1 到 65535 之间的数字（例如 7890 或 1080）。</translation>
    </message>
    <message>
        <source>The file “%1” does not exist.</source>
        <translation>文件“%1”不存在。</translation>
    </message>
    <message>
        <source>The file “%1” cannot be read.</source>
        <translation>无法读取文件“%1”。</translation>
    </message>
    <message>
        <source>The file “%1” contains no PEM certificates.</source>
        <translation>文件“%1”中没有 PEM 格式的证书。</translation>
    </message>
    <message>
        <source>Enter a valid server address on the Provider page to see which proxy it would use.</source>
        <translation>在“服务商”页面填写有效的服务器地址后，这里会显示将使用哪个代理。</translation>
    </message>
    <message>
        <source>Right now this means for %1: %2</source>
        <translation>目前访问 %1 时：%2</translation>
    </message>
</context>
<context>
    <name>Storybook::SettingsUi::PicturesPage</name>
    <message>
        <source>Paint a picture for every page of new stories</source>
        <translation>为新故事的每一页配图</translation>
    </message>
    <message>
        <source>Art style</source>
        <translation>画风</translation>
    </message>
    <message>
        <source>Square (1024 × 1024)</source>
        <translation>方形（1024 × 1024）</translation>
    </message>
    <message>
        <source>Landscape (1536 × 1024)</source>
        <translation>横幅（1536 × 1024）</translation>
    </message>
    <message>
        <source>Portrait (1024 × 1536)</source>
        <translation>竖幅（1024 × 1536）</translation>
    </message>
    <message>
        <source>The provider&apos;s default</source>
        <translation>服务的默认值</translation>
    </message>
    <message>
        <source>Picture size</source>
        <translation>图片尺寸</translation>
    </message>
    <message>
        <source>Low (quick, cheaper)</source>
        <translation>低（快，便宜）</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>High (slower, dearer)</source>
        <translation>高（慢，贵）</translation>
    </message>
    <message>
        <source>Picture quality</source>
        <translation>图片质量</translation>
    </message>
    <message>
        <source>Picture books</source>
        <translation>绘本</translation>
    </message>
    <message>
        <source>Art st&amp;yle:</source>
        <translation>画风(&amp;Y)：</translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation>尺寸(&amp;Z)：</translation>
    </message>
    <message>
        <source>&amp;Quality:</source>
        <translation>质量(&amp;Q)：</translation>
    </message>
    <message>
        <source>Picture provider</source>
        <translation>绘图服务</translation>
    </message>
    <message>
        <source>Picture provider base URL</source>
        <translation>绘图服务的基础地址</translation>
    </message>
    <message>
        <source>Picture model</source>
        <translation>绘图模型</translation>
    </message>
    <message>
        <source>Picture provider API key</source>
        <translation>绘图服务的 API 密钥</translation>
    </message>
    <message>
        <source>Kept in the system keychain, apart from the text provider&apos;s key</source>
        <translation>保存在系统钥匙串中，与写故事服务的密钥分开</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Wait for the picture at most</source>
        <translation>最多等待图片</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Limit for one picture</source>
        <translation>一张图的时限</translation>
    </message>
    <message>
        <source>Pro&amp;vider:</source>
        <translation>服务(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>基础地址(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>No answer for:</source>
        <translation>无响应超时：</translation>
    </message>
    <message>
        <source>One picture at most:</source>
        <translation>一张图最长：</translation>
    </message>
    <message>
        <source>The proxy and the other network settings are the ones on the Network page.</source>
        <translation>代理和其他网络设置使用“网络”页上的设置。</translation>
    </message>
    <message>
        <source>&amp;Paint a test picture</source>
        <translation>画一张测试图(&amp;P)</translation>
    </message>
    <message>
        <source>Paints one small picture through these settings (it may cost as much as one picture).</source>
        <translation>用这些设置画一张小图（费用可能相当于画一张图）。</translation>
    </message>
    <message>
        <source>The picture provider&apos;s base URL must start with http:// or https://.</source>
        <translation>绘图服务的基础地址必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>Painting a test picture…</source>
        <translation>正在画测试图…</translation>
    </message>
    <message>
        <source>Refresh &amp;list</source>
        <translation>刷新列表(&amp;L)</translation>
    </message>
    <message>
        <source>Asks the picture provider which models it offers (GET /models).</source>
        <translation>询问绘图服务提供哪些模型（GET /models）。</translation>
    </message>
    <message>
        <source>Asking the picture provider for its models…</source>
        <translation>正在询问绘图服务有哪些模型…</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) offered; type or pick one in Model.</source>
        <translation>
            <numerusform>提供 %n 个模型；在“模型”中输入或选择一个。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Storybook::SettingsUi::ProviderPage</name>
    <message>
        <source>No keychain is available: the key is kept only until the app closes.</source>
        <translation>没有可用的系统钥匙串：API 密钥只会保留到应用关闭为止。</translation>
    </message>
    <message>
        <source>Enter the server address, for example https://api.openai.com/v1.</source>
        <translation>请填写服务器地址，例如 https://api.openai.com/v1。</translation>
    </message>
    <message>
        <source>The server address must start with http:// or https://, for example https://api.openai.com/v1.</source>
        <translation>服务器地址必须以 http:// 或 https:// 开头，例如 https://api.openai.com/v1。</translation>
    </message>
    <message>
        <source>The server address has no host name, for example api.openai.com.</source>
        <translation>服务器地址中缺少主机名（例如 api.openai.com）。</translation>
    </message>
    <message>
        <source>Enter a model name or pick one from the list.</source>
        <translation>请输入模型名称，或从列表中选择一个。</translation>
    </message>
    <message>
        <source>Any server that offers the OpenAI chat API: enter its address below.</source>
        <translation>适用于任何提供 OpenAI 对话 API 的服务器：请在下面填写它的地址。</translation>
    </message>
    <message>
        <source>Runs on this computer, so no API key is needed. Start the program before writing a story.</source>
        <translation>在这台电脑上运行，无需 API 密钥。写故事之前，请先启动这个程序。</translation>
    </message>
    <message>
        <source>Needs an API key, which you get on the provider&apos;s website.</source>
        <translation>需要 API 密钥，可以在服务商的网站上获取。</translation>
    </message>
    <message>
        <source>Asking the server which models it offers…</source>
        <translation>正在向服务器查询可用的模型…</translation>
    </message>
    <message>
        <source>The server answered but lists no models. Type the model&apos;s name yourself.</source>
        <translation>服务器有响应，但没有列出任何模型。请自己输入模型名称。</translation>
    </message>
    <message numerus="yes">
        <source>The server offers %n model(s). Pick one from the list or type a name.</source>
        <translation>
            <numerusform>服务器提供了 %n 个模型。请从列表中选择一个，或输入模型名称。</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is not among them.</source>
        <translation>其中不包括“%1”。</translation>
    </message>
</context>
<context>
    <name>Storybook::SettingsUi::ProviderPresets</name>
    <message>
        <source>Qwen / DashScope (Alibaba Cloud)</source>
        <translation>通义千问 / DashScope（阿里云）</translation>
    </message>
    <message>
        <source>Moonshot (Kimi)</source>
        <translation>月之暗面（Kimi）</translation>
    </message>
    <message>
        <source>Zhipu GLM</source>
        <translation>智谱 GLM</translation>
    </message>
    <message>
        <source>SiliconFlow</source>
        <translation>硅基流动（SiliconFlow）</translation>
    </message>
    <message>
        <source>Ollama (on this computer)</source>
        <translation>Ollama（在这台电脑上）</translation>
    </message>
    <message>
        <source>LM Studio (on this computer)</source>
        <translation>LM Studio（在这台电脑上）</translation>
    </message>
    <message>
        <source>llama.cpp server (on this computer)</source>
        <translation>llama.cpp 服务器（在这台电脑上）</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>SiliconFlow (Kolors, Qwen-Image, FLUX)</source>
        <translation>硅基流动（Kolors、Qwen-Image、FLUX）</translation>
    </message>
    <message>
        <source>Zhipu CogView (CogView-3-Flash is free)</source>
        <translation>智谱 CogView（CogView-3-Flash 免费）</translation>
    </message>
    <message>
        <source>LocalAI or stable-diffusion.cpp (on this computer)</source>
        <translation>LocalAI 或 stable-diffusion.cpp（本机）</translation>
    </message>
</context>
<context>
    <name>Storybook::SettingsUi::SecretStore</name>
    <message>
        <source>This copy of the app was built without keychain support.</source>
        <translation>这个版本的应用在构建时没有加入系统钥匙串支持。</translation>
    </message>
    <message>
        <source>Secrets are kept in memory for this session only.</source>
        <translation>API 密钥和密码只会在本次运行期间保存在内存中。</translation>
    </message>
    <message>
        <source>The keychain did not answer.</source>
        <translation>系统钥匙串没有响应。</translation>
    </message>
    <message>
        <source>The keychain is not available (%1).</source>
        <translation>系统钥匙串不可用（%1）。</translation>
    </message>
    <message>
        <source>The keychain refused access: %1</source>
        <translation>系统钥匙串拒绝了访问：%1</translation>
    </message>
    <message>
        <source>The keychain refused to store the secret: %1</source>
        <translation>系统钥匙串拒绝保存密钥或密码：%1</translation>
    </message>
    <message>
        <source>The keychain refused to remove the secret: %1</source>
        <translation>系统钥匙串拒绝删除密钥或密码：%1</translation>
    </message>
</context>
<context>
    <name>Storybook::SettingsUi::SettingsDialog</name>
    <message>
        <source>Correct the fields marked with ⚠ first:</source>
        <translation>请先更正标有 ⚠ 的项目：</translation>
    </message>
    <message>
        <source>Something on this page needs correcting.</source>
        <translation>这一页上有内容需要更正。</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>插图</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>General</source>
        <translation>通用</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>声音</translation>
    </message>
</context>
<context>
    <name>Storybook::SettingsUi::VoiceCatalog</name>
    <message>
        <source>%1 — %2</source>
        <comment>voice name — description</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>None: the system voice reads</source>
        <translation>无：由系统语音朗读</translation>
    </message>
    <message>
        <source>SiliconFlow (CosyVoice2, good Chinese)</source>
        <translation>硅基流动（CosyVoice2，中文很好）</translation>
    </message>
    <message>
        <source>Kokoro-FastAPI (on this computer)</source>
        <translation>Kokoro-FastAPI（在这台电脑上）</translation>
    </message>
    <message>
        <source>openedai-speech (on this computer)</source>
        <translation>openedai-speech（在这台电脑上）</translation>
    </message>
    <message>
        <source>LocalAI (on this computer)</source>
        <translation>LocalAI（在这台电脑上）</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>steady man</source>
        <translation>沉稳男声</translation>
    </message>
    <message>
        <source>calm woman</source>
        <translation>沉稳女声</translation>
    </message>
    <message>
        <source>lively woman</source>
        <translation>激情女声</translation>
    </message>
    <message>
        <source>deep man</source>
        <translation>低沉男声</translation>
    </message>
    <message>
        <source>warm man</source>
        <translation>磁性男声</translation>
    </message>
    <message>
        <source>gentle woman</source>
        <translation>温柔女声</translation>
    </message>
    <message>
        <source>cheerful man</source>
        <translation>欢快男声</translation>
    </message>
    <message>
        <source>sweet woman</source>
        <translation>甜美女声</translation>
    </message>
    <message>
        <source>woman, American English</source>
        <translation>女声，美式英语</translation>
    </message>
    <message>
        <source>man, American English</source>
        <translation>男声，美式英语</translation>
    </message>
    <message>
        <source>woman, British English</source>
        <translation>女声，英式英语</translation>
    </message>
    <message>
        <source>man, British English</source>
        <translation>男声，英式英语</translation>
    </message>
    <message>
        <source>woman, Chinese</source>
        <translation>女声，中文</translation>
    </message>
    <message>
        <source>man, Chinese</source>
        <translation>男声，中文</translation>
    </message>
    <message>
        <source>SiliconFlow</source>
        <translation>硅基流动</translation>
    </message>
</context>
<context>
    <name>Storybook::SettingsUi::VoicePage</name>
    <message>
        <source>A voice from a speech service reads the pages in a warm voice; what it reads is kept in the story, so it also plays offline and in the viewer. Without one, the system voice reads (Settings → General).</source>
        <translation>语音服务用温暖的声音朗读页面；朗读的内容会保存在故事里，所以离线和在阅读器中也能播放。没有语音服务时，由系统语音朗读（设置 → 常规）。</translation>
    </message>
    <message>
        <source>Voice provider</source>
        <translation>语音服务</translation>
    </message>
    <message>
        <source>Voice provider base URL</source>
        <translation>语音服务的基础 URL</translation>
    </message>
    <message>
        <source>Speech model</source>
        <translation>语音模型</translation>
    </message>
    <message>
        <source>Voice provider API key</source>
        <translation>语音服务的 API 密钥</translation>
    </message>
    <message>
        <source>Kept in the system keychain, apart from the other keys</source>
        <translation>保存在系统钥匙串中，与其他密钥分开</translation>
    </message>
    <message>
        <source>Pro&amp;vider:</source>
        <translation>服务(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>基础 URL(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>Voices for the language</source>
        <translation>按语言列出声音</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>声音</translation>
    </message>
    <message>
        <source>Pick a voice, or type the name of another one (such as a voice you uploaded).</source>
        <translation>选择一个声音，或输入其他声音的名称（例如你上传的声音）。</translation>
    </message>
    <message>
        <source> ×</source>
        <translation> ×</translation>
    </message>
    <message>
        <source>Speaking speed</source>
        <translation>语速</translation>
    </message>
    <message>
        <source>1 is the voice&apos;s own speed; 0.85 is a little slower for bedtime.</source>
        <translation>1 是这个声音本来的语速；0.85 稍慢一些，适合睡前。</translation>
    </message>
    <message>
        <source>a warm, calm bedtime voice</source>
        <translation>温暖、平静的睡前故事声音</translation>
    </message>
    <message>
        <source>Speaking style</source>
        <translation>说话风格</translation>
    </message>
    <message>
        <source>MP3 (small, plays everywhere)</source>
        <translation>MP3（体积小，到处都能播放）</translation>
    </message>
    <message>
        <source>Opus (smallest)</source>
        <translation>Opus（体积最小）</translation>
    </message>
    <message>
        <source>WAV (large)</source>
        <translation>WAV（体积大）</translation>
    </message>
    <message>
        <source>PCM (raw samples, large)</source>
        <translation>PCM（原始采样，体积大）</translation>
    </message>
    <message>
        <source>Audio format</source>
        <translation>音频格式</translation>
    </message>
    <message>
        <source>&amp;Play a sample</source>
        <translation>试听(&amp;P)</translation>
    </message>
    <message>
        <source>Speaks one sentence in the chosen language with these settings (it may cost as much as one sentence).</source>
        <translation>用这些设置以所选语言朗读一句话（费用可能相当于一句话）。</translation>
    </message>
    <message>
        <source>Sample result</source>
        <translation>试听结果</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>V&amp;oice:</source>
        <translation>声音(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Speed:</source>
        <translation>语速(&amp;S)：</translation>
    </message>
    <message>
        <source>Speaking s&amp;tyle:</source>
        <translation>说话风格(&amp;T)：</translation>
    </message>
    <message>
        <source>Audio &amp;format:</source>
        <translation>音频格式(&amp;F)：</translation>
    </message>
    <message>
        <source>Read new pages aloud automatically (uses the voice provider)</source>
        <translation>自动朗读新写好的页面（使用语音服务）</translation>
    </message>
    <message>
        <source>Voice used</source>
        <translation>使用的声音</translation>
    </message>
    <message>
        <source>Playing the sample (%1 KB)…</source>
        <translation>正在播放试听（%1 KB）…</translation>
    </message>
    <message>
        <source>The sample has been played.</source>
        <translation>试听已播放完毕。</translation>
    </message>
    <message>
        <source>No keychain is available: the key is kept only until the app closes.</source>
        <translation>没有可用的钥匙串：密钥只保留到应用关闭为止。</translation>
    </message>
    <message>
        <source>Only gpt-4o-mini-tts (or a custom provider) takes a speaking style.</source>
        <translation>只有 gpt-4o-mini-tts（或自定义服务）接受说话风格。</translation>
    </message>
    <message>
        <source>No voice provider: the system voice reads (no Chinese voice on most Linux systems).</source>
        <translation>没有语音服务：由系统语音朗读（大多数 Linux 系统没有中文语音）。</translation>
    </message>
    <message>
        <source>Choose or type a voice.</source>
        <translation>请选择或输入一个声音。</translation>
    </message>
    <message>
        <source>Pages will be read with %1 (%2), new pages as soon as they are written.</source>
        <translation>页面将由 %1（%2）朗读，新页面一写好就读。</translation>
    </message>
    <message>
        <source>Pages will be read with %1 (%2) when you press Read aloud.</source>
        <translation>按下“朗读”时，页面将由 %1（%2）朗读。</translation>
    </message>
    <message>
        <source>The voice provider&apos;s base URL must start with http:// or https://.</source>
        <translation>语音服务的基础 URL 必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>Enter the voice provider&apos;s speech model.</source>
        <translation>请填写语音服务的语音模型。</translation>
    </message>
    <message>
        <source>Asking the voice provider to speak…</source>
        <translation>正在请语音服务朗读…</translation>
    </message>
</context>
<context>
    <name>Storybook::SettingsUi::VoiceSample</name>
    <message>
        <source>The sample could not be kept in a temporary file for playing: %1</source>
        <translation>试听音频无法存入临时文件以供播放：%1</translation>
    </message>
    <message>
        <source>The sample arrived (%1) but could not be played: %2</source>
        <translation>试听音频已收到（%1），但无法播放：%2</translation>
    </message>
</context>
<context>
    <name>Storybook::Speech::ClipDecoder</name>
    <message>
        <source>A sound kept in the story could not be read.</source>
        <translation>故事里保存的一段声音无法读取。</translation>
    </message>
</context>
<context>
    <name>Storybook::Speech::MissingSpeechEngine</name>
    <message>
        <source>This copy of Interactive Storybook was built without text-to-speech, so it cannot read aloud.</source>
        <translation>这个版本的互动绘本在构建时没有包含语音合成功能，所以无法朗读。</translation>
    </message>
</context>
<context>
    <name>Storybook::Speech::NarrationPlayer</name>
    <message>
        <source>No audio device was found, so the narration kept in the story cannot be played.</source>
        <translation>没有找到音频设备，所以无法播放故事里保存的朗读。</translation>
    </message>
    <message>
        <source>The sound device stopped playing the narration.</source>
        <translation>音频设备停止了朗读的播放。</translation>
    </message>
    <message>
        <source>The sound device could not play the narration.</source>
        <translation>音频设备无法播放朗读。</translation>
    </message>
</context>
<context>
    <name>Storybook::Speech::Narrator</name>
    <message>
        <source>Reading aloud is not available.</source>
        <translation>无法使用朗读功能。</translation>
    </message>
</context>
<context>
    <name>Storybook::Speech::Recorder</name>
    <message>
        <source>No microphone was found. Connect one, or allow this app to use it, and try again.</source>
        <translation>没有找到麦克风。请连接一个麦克风，或允许本程序使用麦克风，然后再试。</translation>
    </message>
    <message>
        <source>The microphone “%1” does not record in a format this app can keep.</source>
        <translation>麦克风“%1”的录音格式本程序无法保存。</translation>
    </message>
    <message>
        <source>The microphone “%1” could not be opened.</source>
        <translation>无法打开麦克风“%1”。</translation>
    </message>
    <message>
        <source>The microphone stopped working. What was recorded until then is kept.</source>
        <translation>麦克风停止工作了。在此之前录下的内容已保留。</translation>
    </message>
</context>
<context>
    <name>Storybook::Speech::SystemSpeechEngine</name>
    <message>
        <source>No speech engine is installed. Install speech-dispatcher (or another text-to-speech engine for your system) to have pages read aloud.</source>
        <translation>没有安装语音引擎。请安装 speech-dispatcher（或适用于你的系统的其他语音合成引擎），就可以朗读页面了。</translation>
    </message>
    <message>
        <source>The speech engine did not start (%1). Check that speech-dispatcher is running.</source>
        <translation>语音引擎没有启动（%1）。请检查 speech-dispatcher 是否正在运行。</translation>
    </message>
    <message>
        <source>There is no voice for %1 on this computer. Install one for your speech engine (for example espeak-ng or a %1 voice for speech-dispatcher).</source>
        <translation>这台电脑上没有%1的朗读声音。请为语音引擎安装一个（例如 espeak-ng，或 speech-dispatcher 的%1声音）。</translation>
    </message>
    <message>
        <source>The page could not be read aloud: %1. Check the sound output of this computer.</source>
        <translation>无法朗读这一页：%1。请检查这台电脑的声音输出。</translation>
    </message>
    <message>
        <source>the speech engine failed</source>
        <translation>语音引擎出错了</translation>
    </message>
</context>
<context>
    <name>Storybook::Story::ArtStyle</name>
    <message>
        <source>Watercolour</source>
        <translation>水彩</translation>
    </message>
    <message>
        <source>Crayon</source>
        <translation>蜡笔</translation>
    </message>
    <message>
        <source>Paper cut-out</source>
        <translation>剪纸</translation>
    </message>
    <message>
        <source>Ink wash</source>
        <translation>水墨</translation>
    </message>
    <message>
        <source>Soft 3D clay</source>
        <translation>柔和的三维黏土</translation>
    </message>
    <message>
        <source>Bright flat cartoon</source>
        <translation>明快的扁平卡通</translation>
    </message>
    <message>
        <source>Pencil sketch</source>
        <translation>铅笔素描</translation>
    </message>
</context>
<context>
    <name>Storybook::Story::DraftReason</name>
    <message>
        <source>Writing was stopped before the page was finished.</source>
        <translation>这一页还没写完，写作就被停止了。</translation>
    </message>
    <message>
        <source>The app was closed while this page was being written.</source>
        <translation>这一页还在写的时候，应用被关闭了。</translation>
    </message>
    <message>
        <source>The model stopped before the page was finished: it reached its length limit.</source>
        <translation>这一页还没写完模型就停下了：它达到了回答长度的上限。</translation>
    </message>
    <message>
        <source>The provider&apos;s safety filter stopped this page before it was finished.</source>
        <translation>服务的安全过滤在这一页写完之前把它拦下了。</translation>
    </message>
    <message>
        <source>The model sent nothing that could be used as a page.</source>
        <translation>模型返回的内容无法用作故事页面。</translation>
    </message>
    <message>
        <source>The story writer did not accept the key.</source>
        <translation>写故事的服务不接受这个密钥。</translation>
    </message>
    <message>
        <source>The story writer was busy (too many requests).</source>
        <translation>写故事的服务太忙了（请求太多）。</translation>
    </message>
    <message>
        <source>The story writer&apos;s account has no credit left.</source>
        <translation>写故事的服务账户已经没有余额了。</translation>
    </message>
    <message>
        <source>The provider&apos;s safety system refused to write this page.</source>
        <translation>服务的安全系统拒绝写这一页。</translation>
    </message>
    <message>
        <source>The story writer does not know the model chosen in the settings.</source>
        <translation>写故事的服务不认识设置里选择的模型。</translation>
    </message>
    <message>
        <source>The story writer could not be reached over the network.</source>
        <translation>无法通过网络连接到写故事的服务。</translation>
    </message>
    <message>
        <source>The proxy did not let the request through to the story writer.</source>
        <translation>代理没有把请求转给写故事的服务。</translation>
    </message>
    <message>
        <source>The story writer took too long to answer.</source>
        <translation>写故事的服务太久没有回答。</translation>
    </message>
    <message>
        <source>The story writer could not write this page (its service answered with an error).</source>
        <translation>写故事的服务没能写出这一页（服务返回了错误）。</translation>
    </message>
    <message>
        <source>The story writer&apos;s settings are not complete.</source>
        <translation>写故事的服务设置还不完整。</translation>
    </message>
    <message>
        <source>The story writer&apos;s answer could not be read.</source>
        <translation>无法读取写故事的服务返回的内容。</translation>
    </message>
    <message>
        <source>Something went wrong in the app while this page was being written.</source>
        <translation>写这一页时应用内部出了问题。</translation>
    </message>
    <message>
        <source>The connection to the story writer was cut off before the page was finished.</source>
        <translation>这一页还没写完，和写故事的服务之间的连接就断开了。</translation>
    </message>
    <message>
        <source>The provider&apos;s moderation flagged this page, also when it was written again more gently.</source>
        <translation>服务商的内容审核标记了这一页，用更温和的方式重写后仍然如此。</translation>
    </message>
</context>
<context>
    <name>Storybook::Story::FamilyCast</name>
    <message>
        <source>A character needs a name.</source>
        <translation>角色需要一个名字。</translation>
    </message>
    <message>
        <source>The family cast is full (%1 characters).</source>
        <translation>家庭角色已满（%1 个角色）。</translation>
    </message>
    <message>
        <source>There is no such character in the family cast.</source>
        <translation>家庭角色里没有这个角色。</translation>
    </message>
</context>
<context>
    <name>Storybook::Story::Library</name>
    <message>
        <source>The library folder “%1” cannot be created.</source>
        <translation>无法创建故事库文件夹“%1”。</translation>
    </message>
    <message>
        <source>The library folder “%1” cannot be read.</source>
        <translation>无法读取故事库文件夹“%1”。</translation>
    </message>
    <message>
        <source>Another file already holds the story with this id.</source>
        <translation>已有另一个文件保存着相同 ID 的故事。</translation>
    </message>
    <message>
        <source>“%1” exists and is not this story; it was left untouched.</source>
        <translation>“%1”已存在，但不是这个故事，因此没有改动它。</translation>
    </message>
    <message>
        <source>The story cannot be saved to “%1”: %2</source>
        <translation>无法把故事保存到“%1”：%2</translation>
    </message>
    <message>
        <source>The story “%1” is not in the library.</source>
        <translation>故事库中没有故事“%1”。</translation>
    </message>
    <message>
        <source>The story “%1” cannot be moved to the trash.</source>
        <translation>无法把故事“%1”移到回收站。</translation>
    </message>
    <message>
        <source>A story with the id “%1” is already in the library.</source>
        <translation>故事库中已有 ID 为“%1”的故事。</translation>
    </message>
    <message>
        <source>The story “%1” is not in the trash.</source>
        <translation>回收站中没有故事“%1”。</translation>
    </message>
    <message>
        <source>“%1” cannot be removed from the trash.</source>
        <translation>无法从回收站中删除“%1”。</translation>
    </message>
    <message>
        <source>“%1” cannot be moved aside.</source>
        <translation>无法把“%1”移到一旁。</translation>
    </message>
    <message>
        <source>The file name is not valid UTF-8, so the file cannot be opened. Rename it to read the story.</source>
        <translation>文件名不是有效的 UTF-8，因此无法打开这个文件。请给它改名后再阅读这个故事。</translation>
    </message>
    <message>
        <source>“%1” is not a story this app can read, so it is left where it is. If you do not need it, remove it from the library folder yourself.</source>
        <translation>“%1”不是本应用能读取的故事，所以保留原处不动。如果不需要它，请自己从故事库文件夹中删除。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a second story of the same title: The Moon Lantern (2)</comment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>Storybook::Story::LocalStore</name>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is damaged; it will be kept as %1.damaged when something is saved.</source>
        <translation>%1 已损坏；下次保存时会把它另存为 %1.damaged。</translation>
    </message>
    <message>
        <source>The damaged %1 could not be kept aside.</source>
        <translation>无法另存已损坏的 %1。</translation>
    </message>
</context>
<context>
    <name>Storybook::Story::ProfileStore</name>
    <message>
        <source>A child&apos;s profile needs a name.</source>
        <translation>孩子的资料需要一个名字。</translation>
    </message>
    <message>
        <source>There is no such profile.</source>
        <translation>没有这份孩子资料。</translation>
    </message>
</context>
<context>
    <name>Storybook::Story::ReadingLevel</name>
    <message>
        <source>First words</source>
        <translation>初识字</translation>
    </message>
    <message>
        <source>Early reader</source>
        <translation>刚开始自己读</translation>
    </message>
    <message>
        <source>Developing reader</source>
        <translation>正在进步的读者</translation>
    </message>
    <message>
        <source>Confident reader</source>
        <translation>熟练的读者</translation>
    </message>
</context>
<context>
    <name>Storybook::Story::Story</name>
    <message>
        <source>This is not an Interactive Storybook story file.</source>
        <translation>这不是互动绘本的故事文件。</translation>
    </message>
    <message>
        <source>The story file has no valid format version.</source>
        <translation>故事文件缺少有效的格式版本。</translation>
    </message>
    <message>
        <source>The story file has no id.</source>
        <translation>故事文件缺少 ID。</translation>
    </message>
    <message>
        <source>The story file has too many pages.</source>
        <translation>故事文件中的页面太多。</translation>
    </message>
    <message>
        <source>The story file has a page without an id, or two pages with the same id.</source>
        <translation>故事文件中有页面缺少 ID，或者有两个页面的 ID 相同。</translation>
    </message>
    <message>
        <source>The story file has a page whose parent is missing.</source>
        <translation>故事文件中有页面找不到它的上一页。</translation>
    </message>
    <message>
        <source>The file is not valid JSON (%1 at byte %2).</source>
        <translation>这个文件不是有效的 JSON（第 %2 字节处：%1）。</translation>
    </message>
    <message>
        <source>The story file is damaged: its pages lead back to themselves in a circle.</source>
        <translation>故事文件已损坏：它的页面首尾相连绕成了一个圈。</translation>
    </message>
</context>
<context>
    <name>Storybook::Story::StoryExporter</name>
    <message>
        <source>Could not write “%1”: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
    <message>
        <source>PDF export is not available without the graphical application.</source>
        <translation>只有在图形界面应用中才能导出 PDF。</translation>
    </message>
    <message>
        <source>the PDF could not be started.</source>
        <translation>无法开始生成 PDF。</translation>
    </message>
    <message>
        <source>the PDF could not be finished.</source>
        <translation>无法完成 PDF 的生成。</translation>
    </message>
    <message>
        <source>the folder for the pictures could not be made.</source>
        <translation>无法创建存放插图的文件夹。</translation>
    </message>
</context>
<context>
    <name>Storybook::Story::StoryFile</name>
    <message>
        <source>an entry is too large (%1 MB)</source>
        <translation>有一个条目太大（%1 MB）</translation>
    </message>
    <message>
        <source>The story file is a container without a story in it (no %1).</source>
        <translation>故事文件是一个容器，但里面没有故事（没有 %1）。</translation>
    </message>
    <message>
        <source>The story inside the file cannot be read: %1</source>
        <translation>无法读取文件里的故事：%1</translation>
    </message>
    <message>
        <source>The story file is a damaged container: %1</source>
        <translation>故事文件是一个已损坏的容器：%1</translation>
    </message>
    <message>
        <source>“%1” cannot be opened: %2</source>
        <translation>无法打开“%1”：%2</translation>
    </message>
    <message>
        <source>The file is too large to be a story (%1 MB).</source>
        <translation>这个文件太大，不可能是故事（%1 MB）。</translation>
    </message>
    <message>
        <source>The story&apos;s container could not be assembled.</source>
        <translation>无法组装故事的容器文件。</translation>
    </message>
</context>
<context>
    <name>Storybook::Story::WordList</name>
    <message>
        <source>Let&apos;s try other words! Those words don&apos;t belong in our story. What else could happen?</source>
        <translation>我们换个说法吧！这些词不适合放进我们的故事里。接下来还可能发生什么呢？</translation>
    </message>
    <message>
        <source>The idea has words that are not sent to the story writer (the family word list). Please say it in other words.</source>
        <translation>这个想法里有不会发送给故事作者的词（家庭词表）。请换个说法。</translation>
    </message>
</context>
<context>
    <name>Storybook::StoryWords</name>
    <message>
        <source>The End</source>
        <translation>完</translation>
    </message>
    <message>
        <source>What happens next?</source>
        <translation>接下来会发生什么呢？</translation>
    </message>
    <message>
        <source>What do you guess?</source>
        <translation>你猜是什么呢？</translation>
    </message>
    <message>
        <source>What should the name be?</source>
        <translation>给它起个什么名字呢？</translation>
    </message>
    <message>
        <source>What does it look like?</source>
        <translation>它是什么样子的呢？</translation>
    </message>
    <message>
        <source>You guessed: %1</source>
        <extracomment>On the page after a guessing question: the child&apos;s guess</extracomment>
        <translation>你猜的是：%1</translation>
    </message>
    <message>
        <source>You named them: %1</source>
        <extracomment>On the page after a naming question: the name the child gave a character</extracomment>
        <translation>你起的名字：%1</translation>
    </message>
    <message>
        <source>You said: “%1”</source>
        <extracomment>On the page after a describing question: the child&apos;s own words</extracomment>
        <translation>你说：“%1”</translation>
    </message>
    <message>
        <source>You chose: %1</source>
        <extracomment>On the page after a question: the answer the child chose</extracomment>
        <translation>你选了：%1</translation>
    </message>
    <message>
        <source>Page %1</source>
        <extracomment>%1 is the page&apos;s position: a number, with a letter per branch taken in &quot;all branches&quot; exports (3a)</extracomment>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>Untitled story</source>
        <translation>未命名的故事</translation>
    </message>
    <message>
        <source>Unfinished page</source>
        <translation>未完成的页面</translation>
    </message>
    <message>
        <source>Unfinished page: %1</source>
        <translation>未完成的页面：%1</translation>
    </message>
    <message>
        <source>(chosen)</source>
        <translation>（已选）</translation>
    </message>
    <message>
        <source>Own answer: “%1”</source>
        <translation>自己的回答：“%1”</translation>
    </message>
    <message>
        <source>Another way the story goes:</source>
        <translation>故事的另一种走向：</translation>
    </message>
    <message>
        <source>If you chose “%1”:</source>
        <translation>如果你选了“%1”：</translation>
    </message>
    <message>
        <source>Idea: %1</source>
        <translation>创意：%1</translation>
    </message>
    <message>
        <source>Ages %1</source>
        <extracomment>%1 is an age band such as 6-8</extracomment>
        <translation>适合 %1 岁</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Picture: %1</source>
        <translation>画面：%1</translation>
    </message>
    <message>
        <source>Picture of page %1</source>
        <translation>第 %1 页的插图</translation>
    </message>
    <message>
        <source>The characters of the story</source>
        <translation>故事里的角色</translation>
    </message>
    <message>
        <source>The characters: %1</source>
        <translation>角色：%1</translation>
    </message>
    <message>
        <source>Made with Interactive Storybook</source>
        <translation>由互动绘本制作</translation>
    </message>
    <message>
        <source>Or pick a name:</source>
        <translation>或者选一个名字：</translation>
    </message>
    <message>
        <source>Some ideas:</source>
        <translation>一些点子：</translation>
    </message>
    <message>
        <source>Guess:</source>
        <translation>猜：</translation>
    </message>
    <message>
        <source>The storyteller is writing</source>
        <translation>讲故事的人正在写</translation>
    </message>
    <message>
        <source>Once upon a time, a little fox found a lantern in the snow, and it glowed just for her.</source>
        <translation>从前，有一只小狐狸在雪地里找到了一盏灯笼，灯笼只为她一个人亮着。</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>You chose</source>
        <translation>你选了</translation>
    </message>
</context>
<context>
    <name>Storybook::Viewer::ViewerWindow</name>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Search stories…</source>
        <translation>搜索故事…</translation>
    </message>
    <message>
        <source>Search stories</source>
        <translation>搜索故事</translation>
    </message>
    <message>
        <source>Stories</source>
        <translation>故事</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open File…</source>
        <translation>打开文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Interactive Storybook Viewer</source>
        <translation>关于绘本阅读器(&amp;A)</translation>
    </message>
    <message>
        <source>This library has no stories yet.</source>
        <translation>这个故事库里还没有故事。</translation>
    </message>
    <message>
        <source>No story here can be read.</source>
        <translation>这里没有可以读取的故事。</translation>
    </message>
    <message>
        <source>“%1” cannot be opened: %2</source>
        <translation>无法打开“%1”：%2</translation>
    </message>
    <message>
        <source>“%1” is too large to be a story.</source>
        <translation>“%1”太大了，不可能是故事文件。</translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation>无法读取“%1”：%2</translation>
    </message>
    <message>
        <source>Untitled story</source>
        <translation>未命名的故事</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完结</translation>
    </message>
    <message>
        <source>Cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>This story cannot be shown.</source>
        <translation>无法显示这个故事。</translation>
    </message>
    <message>
        <source>Interactive Storybook Viewer</source>
        <translation>绘本阅读器</translation>
    </message>
    <message>
        <source>%1 — Interactive Storybook Viewer</source>
        <translation>%1 — 绘本阅读器</translation>
    </message>
    <message>
        <source>Open a Story</source>
        <translation>打开故事</translation>
    </message>
    <message>
        <source>Stories (*.storybook);;All files (*)</source>
        <translation>故事 (*.storybook);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a Story Folder</source>
        <translation>打开故事文件夹</translation>
    </message>
    <message>
        <source>About Interactive Storybook Viewer</source>
        <translation>关于绘本阅读器</translation>
    </message>
    <message>
        <source>Interactive Storybook Viewer %1</source>
        <translation>绘本阅读器 %1</translation>
    </message>
    <message>
        <source>Reads the stories of your library, offline. Choose what happens next among the branches already written.</source>
        <translation>不用联网，也能阅读故事库里的故事。在已经写好的分支里，选择接下来会发生什么。</translation>
    </message>
    <message>
        <source>&amp;Read</source>
        <translation>阅读(&amp;R)</translation>
    </message>
    <message>
        <source>Read &amp;aloud</source>
        <translation>朗读(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Storybook::Widgets::AnswerPanel</name>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>My own answer…</source>
        <translation>我自己的回答…</translation>
    </message>
    <message>
        <source>My own answer</source>
        <translation>我自己的回答</translation>
    </message>
    <message>
        <source>Type an answer of your own and press Enter</source>
        <translation>输入你自己的回答，然后按回车</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Send my own answer</source>
        <translation>发送我自己的回答</translation>
    </message>
    <message>
        <source>The story goes on with your own answer</source>
        <translation>故事按你自己的回答继续</translation>
    </message>
    <message>
        <source>Type a name…</source>
        <translation>输入一个名字…</translation>
    </message>
    <message>
        <source>A name</source>
        <translation>名字</translation>
    </message>
    <message>
        <source>Type the name you give and press Enter</source>
        <translation>输入你起的名字，然后按回车</translation>
    </message>
    <message>
        <source>That&apos;s the name</source>
        <translation>就叫这个名字</translation>
    </message>
    <message>
        <source>Give this name</source>
        <translation>用这个名字</translation>
    </message>
    <message>
        <source>The story goes on with the name you typed</source>
        <translation>故事用你输入的名字继续</translation>
    </message>
    <message>
        <source>Tell it in your own words…</source>
        <translation>用你自己的话说一说…</translation>
    </message>
    <message>
        <source>Your words</source>
        <translation>你的话</translation>
    </message>
    <message>
        <source>Describe it in your own words; the storyteller weaves them into the next page</source>
        <translation>用你自己的话描述一下；讲故事的人会把它们写进下一页</translation>
    </message>
    <message>
        <source>Tell the storyteller</source>
        <translation>告诉讲故事的人</translation>
    </message>
    <message>
        <source>Send your words</source>
        <translation>发送你的话</translation>
    </message>
    <message>
        <source>The story goes on with what you wrote</source>
        <translation>故事按你写的继续</translation>
    </message>
    <message>
        <source>The story goes this way</source>
        <translation>故事走的是这条路</translation>
    </message>
    <message>
        <source>Press %1 to choose this answer</source>
        <translation>按 %1 选择这个回答</translation>
    </message>
    <message>
        <source>Answer %1; press %1 to choose it</source>
        <translation>第 %1 个回答；按 %1 选择它</translation>
    </message>
    <message>
        <source>An answer</source>
        <translation>一个回答</translation>
    </message>
</context>
<context>
    <name>Storybook::Widgets::LibraryTrashView</name>
    <message>
        <source>Delete forever</source>
        <translation>永久删除</translation>
    </message>
    <message>
        <source>Deleted stories</source>
        <translation>已删除的故事</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Puts the chosen story back into the library</source>
        <translation>把选中的故事放回故事库</translation>
    </message>
    <message>
        <source>Delete forever…</source>
        <translation>永久删除…</translation>
    </message>
    <message>
        <source>Removes the chosen story for good</source>
        <translation>彻底删除选中的故事</translation>
    </message>
    <message>
        <source>Empty trash…</source>
        <translation>清空回收站…</translation>
    </message>
    <message>
        <source>Removes every story in the trash for good</source>
        <translation>彻底删除回收站里的所有故事</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>删除于 %1</translation>
    </message>
    <message>
        <source>Delete “%1” forever? It cannot be brought back.</source>
        <translation>要永久删除“%1”吗？删除后无法找回。</translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n story(s) in the trash forever? They cannot be brought back.</source>
        <translation>
            <numerusform>要永久删除回收站里的 %n 个故事吗？删除后无法找回。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Storybook::Widgets::PageView</name>
    <message>
        <source>Writing the page</source>
        <translation>正在写这一页</translation>
    </message>
    <message>
        <source>Unfinished page</source>
        <translation>未完成的页面</translation>
    </message>
    <message>
        <source>Page text</source>
        <translation>页面文字</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>画面</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Unfinished page — %1</source>
        <translation>未完成的页面：%1</translation>
    </message>
    <message>
        <source>Finish this page</source>
        <translation>写完这一页</translation>
    </message>
    <message>
        <source>The storyteller writes the rest of this unfinished page</source>
        <translation>讲故事的人会写完这一页剩下的部分</translation>
    </message>
</context>
<context>
    <name>Storybook::Widgets::PictureView</name>
    <message>
        <source>Picture</source>
        <translation>插图</translation>
    </message>
    <message>
        <source>The picture is being painted</source>
        <translation>正在画插图</translation>
    </message>
    <message>
        <source>Painting the picture…</source>
        <translation>正在画插图…</translation>
    </message>
    <message>
        <source>Painting the picture</source>
        <translation>正在画插图</translation>
    </message>
    <message>
        <source>Painting the picture again</source>
        <translation>正在重画插图</translation>
    </message>
    <message>
        <source>Painting the picture again…</source>
        <translation>正在重画插图…</translation>
    </message>
</context>
<context>
    <name>Storybook::Widgets::ReadAloud</name>
    <message>
        <source>A recording kept in the story</source>
        <translation>故事里保存的录音</translation>
    </message>
    <message>
        <source>%1&apos;s recording</source>
        <translation>%1的录音</translation>
    </message>
    <message>
        <source>Voice kept in the story</source>
        <translation>故事里保存的语音</translation>
    </message>
    <message>
        <source>Voice kept in the story (%1)</source>
        <translation>故事里保存的语音（%1）</translation>
    </message>
    <message>
        <source>Voice provider: this page&apos;s narration is being made; the system voice reads what is not ready</source>
        <translation>语音服务：正在生成这一页的朗读；还没准备好的部分由系统语音朗读</translation>
    </message>
    <message>
        <source>System voice: this page&apos;s narration is incomplete and no voice provider is set</source>
        <translation>系统语音：这一页的朗读不完整，也没有设置语音服务</translation>
    </message>
    <message>
        <source>System voice: this page has no narration and no voice provider is set</source>
        <translation>系统语音：这一页没有朗读，也没有设置语音服务</translation>
    </message>
    <message>
        <source>System voice: %1</source>
        <translation>系统语音：%1</translation>
    </message>
</context>
<context>
    <name>Storybook::Widgets::ReaderWidget</name>
    <message>
        <source>No story is open.</source>
        <translation>还没有打开故事。</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation>‹ 上一页</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Previous page (Left, Page Up)</source>
        <translation>上一页（左方向键、Page Up）</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>下一页 ›</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Next page (Right, Page Down)</source>
        <translation>下一页（右方向键、Page Down）</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>This part of the story has not been written yet.</source>
        <translation>故事的这一部分还没有写出来。</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>停止朗读</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>朗读</translation>
    </message>
    <message>
        <source>Stop reading aloud</source>
        <translation>停止朗读</translation>
    </message>
    <message>
        <source>Read this page aloud</source>
        <translation>朗读这一页</translation>
    </message>
    <message>
        <source>Stop reading aloud (F5)</source>
        <translation>停止朗读（F5）</translation>
    </message>
    <message>
        <source>Read this page aloud (F5)</source>
        <translation>朗读这一页（F5）</translation>
    </message>
    <message>
        <source>Goes back one page along the story&apos;s path</source>
        <translation>沿着故事的路往回翻一页</translation>
    </message>
    <message>
        <source>Goes on one page along the story&apos;s path</source>
        <translation>沿着故事的路往后翻一页</translation>
    </message>
</context>
<context>
    <name>Storybook::Widgets::StoryMapView</name>
    <message>
        <source>Story map</source>
        <translation>故事地图</translation>
    </message>
    <message>
        <source>(being written)</source>
        <translation>（正在写）</translation>
    </message>
    <message>
        <source>(empty page)</source>
        <translation>（空白页）</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1 (unfinished)</source>
        <translation>%1（未完成）</translation>
    </message>
    <message>
        <source>%1 — The End</source>
        <translation>%1（完）</translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation>回答：%1</translation>
    </message>
    <message>
        <source>Unfinished page</source>
        <translation>未完成的页面</translation>
    </message>
    <message>
        <source>Unfinished page — %1</source>
        <translation>未完成的页面：%1</translation>
    </message>
    <message>
        <source>All the pages of the story; the coloured line is the way you are reading, branches are other answers</source>
        <translation>故事的所有页面；彩色的线是你正在读的路线，分支是其他的回答</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Interactive Storybook: picture-book stories written with you.</source>
        <translation>互动绘本：和你一起写出来的绘本故事。</translation>
    </message>
    <message>
        <source>The story library folder.</source>
        <translation>故事库所在的文件夹。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>Interactive Storybook Viewer</source>
        <translation>绘本阅读器</translation>
    </message>
    <message>
        <source>Reads interactive picture-book stories offline.</source>
        <translation>离线阅读互动绘本故事。</translation>
    </message>
    <message>
        <source>A .storybook file or a folder of stories (default: the app&apos;s library).</source>
        <translation>一个 .storybook 文件，或一个存放故事的文件夹（默认：应用自己的故事库）。</translation>
    </message>
    <message>
        <source>[FILE.storybook | FOLDER]</source>
        <translation>[FILE.storybook | FOLDER]</translation>
    </message>
    <message>
        <source>Close the window after &lt;ms&gt; milliseconds (for tests).</source>
        <translation>&lt;ms&gt; 毫秒后关闭窗口（用于测试）。</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Give one file or folder at most.</source>
        <translation>最多只能指定一个文件或文件夹。</translation>
    </message>
    <message>
        <source>--quit-after-ms needs a number of milliseconds.</source>
        <translation>--quit-after-ms 需要填写毫秒数。</translation>
    </message>
    <message>
        <source>“%1” does not exist.</source>
        <translation>“%1”不存在。</translation>
    </message>
    <message>
        <source>Do not deny the viewer network sockets (for debugging).</source>
        <translation>不禁止阅读器使用网络套接字（用于调试）。</translation>
    </message>
</context>
</TS>
