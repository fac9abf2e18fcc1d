<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>DiagnosticsPage</name>
    <message>
        <source>Checks each step from this computer to the model, using the values on the other pages, even before you save them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;un checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies the results, without passwords or keys, to paste into a message to whoever helps you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent &amp;log:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>Interface &amp;language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language is used after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Voice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Speed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Listen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen to the voice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <source>Proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A proxy is a go-between for internet traffic. If a program such as Clash or v2rayN gets you online, it is a proxy: find its port in that program and enter 127.0.0.1 with that port below. When unsure, use the system proxy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No proxy: connect directly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ystem proxy: use this computer&apos;s settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the system proxy means right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;HTTP proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SOC&amp;KS5 proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A host name or IP address. You may also paste a whole proxy address such as socks5://127.0.0.1:1080.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only if the proxy asks for one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resolve host names through the proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recommended. The proxy looks up the server&apos;s address itself (socks5h), which avoids wrong or blocked answers from the local network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bypass &amp;for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses that never use the proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated addresses that are reached directly, e.g. localhost,127.0.0.0/8,::1,.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connection timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection timeout in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long to wait for the server (or proxy) to accept a connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Silence timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence timeout in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the server may stay silent while writing before the request is given up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Total time limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total time limit in seconds, 0 for no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;etries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often a failed request is tried again before an error is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xtra certificates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usually empty; a PEM file from your school or company IT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra CA certificates file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a certificates file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use HTTP/&amp;2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faster with most servers. Turn it off if a proxy or old server has trouble with it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderPage</name>
    <message>
        <source>Choose the service that writes the stories. A service on the internet needs an API key from its website; a program on this computer (Ollama, LM Studio, llama.cpp) does not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picking a provider fills in its server address and a suggested model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address of the OpenAI-compatible API, usually ending in /v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not needed for a program on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a model name or pick one the server offers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the model list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks the server which models it offers, with the values entered here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::App::ChildMode</name>
    <message>
        <source>&amp;Child mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child mode: only reading and answering, full screen (F12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child mode &amp;PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave child mode (for grown-ups)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let&apos;s choose another way! Pick another answer below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the parent PIN to leave child mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings are locked. Type the parent PIN to open them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::App::ErrorBanner</name>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a story writer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available: API keys and passwords are kept only until the app closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No story writer is connected yet. Connect one to write new stories.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture service did not accept the API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story writer did not accept the API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture service&apos;s account may not use this model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story writer&apos;s account may not use this model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture service&apos;s account has no credit left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story writer&apos;s account has no credit left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture service does not know the chosen model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story writer does not know the chosen model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture service&apos;s address in the settings looks wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story writer&apos;s address in the settings looks wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service is busy or its plan&apos;s limit is reached. Try again in a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service has a problem on its side. Try again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture service refused to paint this scene.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story writer refused to write this scene.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture could not be painted this time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story writer stopped before the page was finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service could not be reached: if it runs on this computer, start it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A secure connection to the service could not be made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy this computer uses to go online is not working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service could not be reached. Check the internet connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service took too long to answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs an API key before it can write stories.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::App::GrownUpCheck</name>
    <message>
        <source>For grown-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To leave child mode, a grown-up holds the P key, or presses and holds the button below, for three seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep holding for three seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is %1 + %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not quite. Here is a new one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::App::IdeaPanel</name>
    <message>
        <source>What should the story be about? For example: a little fox who is afraid of the dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Story idea</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3–5 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6–8 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>9–12 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Story language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gentle, funny, rhyming… (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We choose on every page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read to me (the story goes on by itself)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Age:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;yle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Story &amp;idea</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each page is painted by the picture provider set in Settings → Pictures, with the same characters on every page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;rt style:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write the story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pa&amp;ges:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child the story is about: their name, age and favourite things go into the story.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one in particular</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a chil&amp;d…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic: from the hero&apos;s age, else from the age above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sharing, being brave… (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Family cast:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters from the family cast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters saved from other stories (Story → Save a character to the family cast). Ticked ones keep their name and look in the new story.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a talking bus, Grandma… (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a character to the &amp;family cast…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not in this story&apos;s cast.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This story has no characters to save yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to the family cast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which character should the family keep for later stories?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pict&amp;ures on every page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H&amp;ero:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readi&amp;ng level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Less&amp;on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other &amp;characters:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::App::LibrarySidebar</name>
    <message>
        <source>Search stories…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n page(s) · %2</source>
        <translation>
            <numerusform>%1 · %n page · %2</numerusform>
            <numerusform>%1 · %n pages · %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a story…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the library folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escape clears the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the deleted stories, to restore them or delete them forever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No story matches “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trash (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Trash: %n deleted story(s)</source>
        <translation>
            <numerusform>Trash: %n deleted story</numerusform>
            <numerusform>Trash: %n deleted stories</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Storybook::App::MainWindow</name>
    <message>
        <source>Interactive Storybook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing a page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the library folder is writable and the disk is not full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another library folder with --library DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write this page again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection &amp;diagnostics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Interactive Storybook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interactive Storybook %1

Picture-book stories written with you, page by page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please write a story idea first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Interactive Storybook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped. What was written so far is kept; you can write the page again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please wait until the page is written, or stop it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was moved to the trash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stories (*.storybook)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a .storybook file made by Interactive Storybook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF picture book (*.pdf);;Web page (*.html);;Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include every branch of the story, not only the one you read?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the folder and the free disk space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read &amp;aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file could not be read, so the defaults are used. A copy of it was kept as “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the settings (Settings…) and save them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file could not be read, so the defaults are used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the settings will replace the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paint this picture again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier &amp;versions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go on reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New story — Interactive Storybook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ed&amp;it the text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page is the e&amp;nding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the &amp;library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the story &amp;map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page was not shown in child mode: the provider refused it. You can read it here, write it again (Page → Write this page again) or choose another answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record this page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete &amp;my recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The voice recorded for this page is deleted from the story. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The voice %1 recorded for this page is deleted from the story. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete my recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the story as an EPUB book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EPUB book (*.epub)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as EPU&amp;B book…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::App::NarrationWiring</name>
    <message>
        <source>The speech provider reads every sentence of this page once; the voice is kept in the story.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The speech provider reads every sentence of this page again, in the voice set now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Narra&amp;te again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Narrate t&amp;his page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::App::NewStoryPage</name>
    <message>
        <source>New story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell the storyteller what the story should be about. Other stories can be read meanwhile: what you type here stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to the story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escape</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::App::ParentLock</name>
    <message numerus="yes">
        <source>Too many tries. Please wait %n seconds.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The current PIN is not right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PIN has 4 to 12 digits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::App::PinDialog</name>
    <message>
        <source>Parent PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>That is not the PIN. %n tries left.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many tries. Please wait %n seconds.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::App::PinSettingsDialog</name>
    <message>
        <source>Child mode PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a PIN, leaving child mode asks for it. Without one, a grown-up check is asked instead: hold a key for three seconds, then add two numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;urrent PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New PIN (4–12 digits):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat the new PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock settings with the PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move the PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new PINs are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current PIN is not right.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::App::ProfileDialog</name>
    <message>
        <source>A child&apos;s profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept on this computer only. It goes to the storyteller only inside the prompt of a story you start with this child as the hero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Age:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pronouns:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reading level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Favourite a&amp;nimals:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Favourite &amp;colours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Favourite &amp;toys:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Friends and siblings:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::App::RecordPageDialog</name>
    <message>
        <source>Record this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Who is reading?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Grandma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One &amp;sentence at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole &amp;page at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Listen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space starts and stops recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts of the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was heard. Is the microphone switched on?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The recording has %n clear pause(s) between sentences, not enough to tell the %1 parts apart. Please record one sentence at a time.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The recording was cut into its parts at the pauses. Listen to each one, and record again any that is not right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No loudspeaker was found to play the recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throw the recording away?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) of this page are recorded. Close without keeping them?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Throw away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go &amp;on recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the whole page, with a short pause after each sentence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part %1 of %2:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>■ &amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● &amp;Record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::App::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While reading (whatever has the focus)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose answer 1 to 9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 … 9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page / next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← / →, Page Up / Page Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First page / last page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home / End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the story, leave full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While typing an answer or in a text field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>digits, letters, Space, arrows, Home and End type in the field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the story</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::App::VersionsDialog</name>
    <message>
        <source>Earlier versions of this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a version to read it. Restoring it brings back its question and the pages written after it; the version shown now is kept too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text of the chosen version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page has no earlier versions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(This version ended the story.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) were written after this version.</source>
        <translation>
            <numerusform>%n page was written after this version.</numerusform>
            <numerusform>%n pages were written after this version.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Storybook::Cli::Commands</name>
    <message>
        <source>Run storybook-cli --help for the commands and options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer was cut off because it reached the model&apos;s length limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s content filter stopped the answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective proxy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chat: ask for the whole reply at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chat: a system prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chat: print the model&apos;s reasoning to stderr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log what happens to stderr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also write the log to FILE (secrets removed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chat needs a prompt, e.g. storybook-cli chat &quot;Tell me a story&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>models takes no arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diagnose takes no arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diagnose, story list/show: print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reference picture “%1” cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the path given to --reference.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider sent a %1 picture; it is written to %2 instead of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture could not be written to “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the folder exists and can be written to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider painted from its own wording: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image: the picture size, e.g. 1024x1024 (default: the provider&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WxH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image: low, medium, high, standard or hd (default: the provider&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image: a picture (PNG, JPEG or WebP) to paint from, e.g. a character sheet; may be repeated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diagnose: check the picture provider by painting one small picture (it may cost money).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image needs a prompt, e.g. storybook-cli image &quot;A fox with a lantern&quot; --output fox.png.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image needs --output FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chat, models, diagnose, image, speak or story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diagnose: check the speech provider by speaking one short sentence (it may cost money).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a command is needed: chat, models, diagnose, image, speak or story.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diagnose checks one provider at a time: --picture or --voice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command “%1”; use chat, models, diagnose, image, speak or story.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Cli::ConnectionOptions</name>
    <message>
        <source>API base URL, e.g. https://api.openai.com/v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment variable that holds the API key (default STORYBOOK_API_KEY). The key is never taken from the command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none, system, http://[user:pass@]host:port, socks5://[user:pass@]host:port or socks5h://[user:pass@]host:port (default: the settings, else system).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROXY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect timeout in seconds, proxy handshake included (default 30).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries on connection failures, 429 and 5xx before any answer arrived (default 2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosts that bypass the proxy (default localhost,127.0.0.0/8,::1); an empty list proxies everything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LIST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra CA certificates (PEM) to trust, e.g. a company proxy&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this INI file instead of the user&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not use HTTP/2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 needs a number of seconds, not “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example --%1 30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file “%1” cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the path given to --settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file “%1” is not a valid INI file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the file, or run without --settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples: --proxy none, --proxy system, --proxy socks5h://127.0.0.1:1080.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--retries needs a number from 0 to 10, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example --retries 2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fail when nothing arrives for this many seconds (default 120; image: 180).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit for the whole request in seconds; 0 means none (default 0; image: 300).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Cli::FamilyCommands</name>
    <message>
        <source>story new: the child profile (id or name) who is the story&apos;s hero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROFILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>story new: a character from the family cast by name, or a new one as &quot;Name: look&quot; (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>story new: a lesson the story shows gently.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>story new, profile add: reading level first-words, early-reader, developing or confident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile add: she, he or they (她, 他).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WORD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile add: favourite animals, colours and toys, separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LIST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile add: friends&apos; and siblings&apos; names, separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile add: the child&apos;s age in years.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--level must be one of: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no child profile “%1”; see storybook-cli profile list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A story takes at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--character needs a name, e.g. --character &quot;Poppy: a fox with a blue scarf&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>age %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile add needs a name, e.g. storybook-cli profile add Mia --years 5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--years must be between 1 and 18.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile remove needs the id or name of a profile (storybook-cli profile list).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile needs a command: list, add or remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cast remove needs the id or name of a character (storybook-cli cast list).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cast needs a command: list or remove.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Cli::NarrateCommand</name>
    <message>
        <source>story narrate: speak every sentence again, also those narrated before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format for story narrate is mp3, opus, wav, pcm, flac or aac, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>story narrate needs a voice: --voice V, or one set in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the ids with: storybook-cli story list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--page must be between 1 and %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 is not finished; only finished pages are narrated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write it first: storybook-cli story regenerate ID --page N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spoken: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not spoken: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the library folder is writable and the disk is not full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Narrating page %1 of %2…
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every sentence is narrated already (--again speaks them anew).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n sentence(s) spoken; not spoken: %1.
</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Storybook::Cli::SpeakCommand</name>
    <message>
        <source>speak: the voice, e.g. alloy or FunAudioLLM/CosyVoice2-0.5B:alex (default: the settings&apos;, else alloy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>V</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speak: 0.25 to 4, 1 is normal (default: the settings&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speak: a speaking style, e.g. &quot;a warm, calm bedtime voice&quot; (models that take one, e.g. gpt-4o-mini-tts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speak needs the text, e.g. storybook-cli speak &quot;Once upon a time&quot; --output story.mp3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speak needs --output FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format for speak is mp3, opus, wav, pcm, flac or aac, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--speed needs a number from 0.25 to 4, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The text is longer than one request takes; it is spoken in %n part(s), split at sentence ends.</source>
        <translation>
            <numerusform>The text is longer than one request takes; it is spoken in %n part, split at sentence ends.</numerusform>
            <numerusform>The text is longer than one request takes; it is spoken in %n parts, split at sentence ends.</numerusform>
        </translation>
    </message>
    <message>
        <source>The provider sent %1 audio; it is written to %2 instead of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 audio cannot be joined into one file; the %n part(s) are written as numbered files.</source>
        <translation>
            <numerusform>%1 audio cannot be joined into one file; the %n part is written as a numbered file.</numerusform>
            <numerusform>%1 audio cannot be joined into one file; the %n parts are written as numbered files.</numerusform>
        </translation>
    </message>
    <message>
        <source>The audio could not be written to “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the folder exists and can be written to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pcm is raw audio: 16-bit little-endian mono samples at 24 kHz, no header.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Cli::StoryCommands</name>
    <message>
        <source>The End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happens next?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>story new: number of pages (default 8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>story new: age band 3-5, 6-8 or 9-12 (default 6-8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BAND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>story new: zh or en (default: the system language).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LANG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>story new: style or tone, e.g. &quot;funny, rhyming&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>story new: keep going along the first answer to the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story library folder (default: STORYBOOK_LIBRARY, else the app&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>story continue: the number of a suggested answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>story continue: the child&apos;s own answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>story export: every branch, not only the reading path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another folder with --library DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>story %1 needs one story id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the ids with: storybook-cli story list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--page must be between 1 and %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the library folder is writable and the disk is not full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the story with: storybook-cli story show ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>story new needs an idea, e.g. storybook-cli story new &quot;a fox who is afraid of the dark&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--language must be zh or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--pages must be between 1 and 50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--age must be 3-5, 6-8 or 9-12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>story continue needs either --choice N or --answer TEXT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story has no pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write it again with: storybook-cli story regenerate ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--choice must be between 1 and %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page has no suggested answers; use --answer TEXT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new one with: storybook-cli story new IDEA</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>unreadable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unfinished page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>story search needs words to look for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the output path and the free disk space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>story import needs one .storybook file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the path of a .storybook file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved to the trash. Undo with: storybook-cli story restore %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown story command “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library folder “%1” cannot be opened: its name is not valid UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the folder so that its name is valid UTF-8, or choose another with --library DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>story show/regenerate/illustrate/versions/restore-version: a page number on the reading path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>story export, image: the file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>story new: paint a picture for every page (the picture provider of the settings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>story new: the pictures&apos; art style: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STYLE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture provider&apos;s API base URL (default: the settings&apos;, else --base-url).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture model (default: the settings&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>story needs a command: new, continue, regenerate, illustrate, versions, restore-version, list, show, search, export, import, delete or restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Painting the characters…
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Painting a picture…
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--art-style must be one of: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>story restore-version needs a story id and a version number (see: story versions ID --page N).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>story versions needs one story id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page has no earlier versions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version must be between 1 and %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 of page %2 is shown again; the version it replaced is kept.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) written after this version.</source>
        <translation>
            <numerusform>%n page written after this version.</numerusform>
            <numerusform>%n pages written after this version.</numerusform>
        </translation>
    </message>
    <message>
        <source>story export: md, html, pdf or epub; speak: mp3, opus, wav, pcm, flac or aac (default: the settings&apos;, else mp3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>story export needs --format md|html|pdf|epub and --output FILE.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Export::EpubExporter</name>
    <message>
        <source>The book could not be put together: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Generation::Illustrator</name>
    <message>
        <source>There is no connection to a picture provider.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Generation::NarrationMaker</name>
    <message>
        <source>There is no connection to a speech provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The speech provider&apos;s audio for this sentence could not be kept as one sound.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Generation::StoryGenerator</name>
    <message>
        <source>A page is being written already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please write a story idea first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That page is not in the story.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story has ended on this page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no answer number %1 on this page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please give an answer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story has no pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no connection to a model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model sent nothing that could be used as a page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again, or choose another model in Settings → Provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please wait until the page is written, or stop it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page is not finished yet: write it first, then paint its picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model stopped before the page was finished: it reached its length limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the page again, or raise the model&apos;s answer length in its settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s safety filter stopped this page before it was finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the page again, or change the story idea or the answer a little.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The narration could not be kept: a sentence&apos;s sound is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s moderation flagged this page, also when it was written again more gently.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read it first, then write it again or choose another answer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Llm::Diagnostics</name>
    <message>
        <source>The lookup took longer than %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not run, because an earlier check failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything works: the model answered through %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model answered, although the server&apos;s model list does not name it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no API key (fine for local servers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an API key is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server %1, model “%2”, %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct connection (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No proxy is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy %1 accepts connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an address; no lookup is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy looks up “%1” itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain HTTP through an HTTP proxy needs no tunnel; the next check covers it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1 through the proxy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS %1, certificate for %2 issued by %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has no model list (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) offered over %1.</source>
        <translation>
            <numerusform>%n model offered over %1.</numerusform>
            <numerusform>%n models offered over %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is among them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not among them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model “%1” answered over %2 in %3 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything works: the picture provider painted through %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It needs no username or password; the ones given are not used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” painted a %2 picture (%3 KB) over %4 in %5 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was fetched from %1 in %2 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything works: the speech provider spoke through %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” spoke with the voice “%2”: %3 audio (%4 KB) over %5 in %6 ms.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Llm::DiagnosticsReport</name>
    <message>
        <source>Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server name lookup (DNS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection (TCP/TLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model list (GET /models)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-token chat completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interactive Storybook %1 — connection check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective proxy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One small picture (costs as much as one picture)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One short spoken sentence (costs as much as its words)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Llm::LlmError</name>
    <message>
        <source>the answer is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it sent a web page instead of JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid JSON (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n stream event(s) were not valid JSON</source>
        <translation>
            <numerusform>%n stream event was not valid JSON</numerusform>
            <numerusform>%n stream events were not valid JSON</numerusform>
        </translation>
    </message>
    <message>
        <source>the %1 proxy %2</source>
        <extracomment>%1 is SOCKS5 or HTTP, %2 is host:port, e.g. &quot;the SOCKS5 proxy 127.0.0.1:1080&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it did not answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing is listening there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address “%1” is not a valid http:// or https:// address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the provider&apos;s API address, for example https://api.openai.com/v1, in Settings → Provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model is selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model in Settings → Provider (the list is filled from the server).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy setting is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the proxy in Settings → Network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy “%1” is of a type Interactive Storybook cannot use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an http://, socks5:// or socks5h:// proxy, or choose one in Settings → Network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA certificate file “%1” could not be read or holds no PEM certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a PEM file with your organisation&apos;s CA certificate in Settings → Network, or clear the field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the proxy program is running and that its host and port are right in Settings → Network, or turn the proxy off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rejected the username or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the proxy username and password in Settings → Network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 works, but could not connect to the server %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the server address, and whether the proxy may reach it (some proxies allow only certain sites or ports).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer like a proxy of that type (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the proxy type (HTTP or SOCKS5) and the port in Settings → Network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server name “%1” could not be found (DNS lookup failed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the server address and the internet connection. If a proxy is needed to reach it, set one in Settings → Network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 refused the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the server address and port. For a local server (Ollama, LM Studio, llama.cpp), make sure it is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 was closed unexpectedly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 was cut off in the middle of the answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again. If it keeps happening, a proxy or firewall may be cutting the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection (TLS) to %1 could not be set up: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the address uses the right scheme (https:// or http://) and port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If your network inspects HTTPS (a company proxy), add its CA certificate (PEM) in Settings → Network. Otherwise check the computer&apos;s date and time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A network error occurred while talking to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the internet connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 rejected the API key: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the API key in Settings → Provider. A key works only with the provider that issued it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key may not use this (HTTP 403): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the account has access to this model and has credit left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model “%1” does not exist on this server: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model from the list in Settings → Provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address %1 does not exist on the server (HTTP 404).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the base URL in Settings → Provider; it usually ends in /v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server asks to slow down or the quota is used up (HTTP 429): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait a minute and try again, or check the plan&apos;s limits with the provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server had a problem (HTTP %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is on the provider&apos;s side. Try again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered with an error (HTTP %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the base URL and the model in Settings → Provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model stopped with an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again. If it happens again, try another model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1 took longer than %2 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 sent nothing for %2 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer from %1 could not be understood: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the base URL points to an OpenAI-compatible API (it usually ends in /v1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model sent an empty answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again, or choose another model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An internal error occurred: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please report this, with the diagnostics report attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no message)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it closed the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its host name could not be found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it redirected a secure request to an insecure address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 through %2 proxy %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it redirected to an address that is not a web address</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>it redirected more than %n time(s)</source>
        <translation>
            <numerusform>it redirected more than %n time</numerusform>
            <numerusform>it redirected more than %n times</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 asks for a username and password, and none was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the proxy username and password in Settings → Network (storybook-cli: --proxy http://USER@HOST:PORT with the password in STORYBOOK_PROXY_PASSWORD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not allow connections to %2: its rules refuse this server or port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy&apos;s administrator decides which servers and ports may be reached: ask them to allow %1, or use another proxy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a SOCKS5 proxy: choose SOCKS5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an HTTP proxy: choose HTTP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the proxy type to %1 in Settings → Network (as an address: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accepted the connection, but nothing came back through it from %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy&apos;s own connection is the likely cause: check its server, key or subscription (for a shadowsocks, V2Ray or Clash client, whether it reaches its server), or try another proxy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s safety system refused this request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is wrong with the connection or the key. Describe the scene in gentler words, or choose another art style, and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account at %1 has no credit left: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add credit or check the plan with the provider, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 answered %2 (a gateway in front of it could not get an answer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the picture is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture has no description (prompt).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe what the picture should show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reference picture “%1” is not a whole PNG, JPEG or WebP image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a PNG, JPEG or WebP picture as the reference.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it sent a web page instead of a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it sent data that is not a PNG, JPEG or WebP picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the picture it sent is damaged or incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its picture is not valid base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its picture address is not a web address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent no picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it holds no picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the picture&apos;s address at %1 was refused (such addresses expire within the hour)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paint the picture again; its address is fetched at once each time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the network and the proxy. The connection timeout can be raised in Settings → Network → Advanced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model or the network stalled. Try again, or raise the silence timeout in Settings → Network → Advanced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer from %1 took longer than the total time limit of %2 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise or remove the total time limit in Settings → Network → Advanced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no text to speak.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the text that should be read aloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No voice is chosen for the speech provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a voice the speech model offers, e.g. alloy (OpenAI) or FunAudioLLM/CosyVoice2-0.5B:alex (SiliconFlow).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The speaking speed %1 is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a speed from 0.25 to 4 (1 is normal).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No audio format is chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose mp3, opus, wav, pcm, flac or aac.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the speech provider&apos;s API key; it is separate from the text provider&apos;s (storybook-cli reads it from STORYBOOK_SPEECH_API_KEY).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a speech model the provider offers, e.g. gpt-4o-mini-tts or tts-1 (OpenAI), FunAudioLLM/CosyVoice2-0.5B (SiliconFlow).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The speech provider limits how much can be spoken per minute. Wait a minute and try again, or check the plan&apos;s limits with the provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The voice “%1” is not one this speech model offers. Choose another voice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This speech provider does not make %1 audio. Choose another format, e.g. mp3 or wav.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This speech model takes no speaking style. Leave the style empty, or use gpt-4o-mini-tts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This speech model does not accept that speed. Use speed 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the speech provider&apos;s base URL, model and voice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the audio is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it sent JSON instead of audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it sent a web page instead of audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the audio it sent is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it sent data that is not audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the audio it sent is damaged or incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its parts came in different audio formats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer has no moderation result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Llm::ProxyResolver</name>
    <message>
        <source>proxy turned off in settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bypass list entry “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>explicit setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the proxy in Settings → Network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environment variable %1 entry “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environment variable %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy “%1” from %2 is not a valid proxy address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix or unset it, or choose a proxy explicitly in Settings → Network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy “%1” from %2 uses the type “%3”, which Interactive Storybook cannot use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an http://, socks5:// or socks5h:// proxy, or choose one in Settings → Network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no proxy in the environment or the operating system settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operating system proxy settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Llm::ProxySettings</name>
    <message>
        <source>“%1” is not a proxy. Use none, system, http://host:port, socks5://host:port or socks5h://host:port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy type “%1” is not supported. Use http://, socks5:// or socks5h://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy host is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid proxy host name or address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy port must be between 1 and 65535.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::SettingsUi::ConnectDialog</name>
    <message>
        <source>Connect a story writer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which service should write the stories?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Story writers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs on this computer; no key needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any server with the OpenAI chat API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A service on the internet; needs an API key from its website.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A service on the internet needs an API key from its website. A program on this computer (Ollama, LM Studio, llama.cpp) needs none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying the story writer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 runs on this computer: no key is needed. Start it, then go on to try it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s address and model, and its API key if it needs one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste your %1 API key. You get it on the provider&apos;s website, under API keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ It works: the story writer answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::SettingsUi::DiagnosticsPage</name>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press “Run checks” to test the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;un checks again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checks were stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;un checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied. Paste it into a message to whoever helps you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been logged yet. The log is kept in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::SettingsUi::GeneralPage</name>
    <message>
        <source>Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The usual voice of the story&apos;s language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once upon a time, a little fox found a lantern in the snow.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::SettingsUi::KeyNeeds</name>
    <message>
        <source>Not needed for a program on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key, if the server needs one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 API key</source>
        <extracomment>%1 is a provider&apos;s name, e.g. &quot;DeepSeek API key&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::SettingsUi::NetworkPage</name>
    <message>
        <source>Advanced connection options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dvanced…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the advanced connection options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a certificates file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available: the password is kept only until the app closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the proxy&apos;s port, a number from 1 to 65535 (for example 7890 or 1080).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file “%1” does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file “%1” cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file “%1” contains no PEM certificates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a valid server address on the Provider page to see which proxy it would use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right now this means for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::SettingsUi::PicturesPage</name>
    <message>
        <source>Paint a picture for every page of new stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square (1024 × 1024)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landscape (1536 × 1024)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portrait (1024 × 1536)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low (quick, cheaper)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High (slower, dearer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture books</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Art st&amp;yle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quality:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture provider base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture provider API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in the system keychain, apart from the text provider&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the picture at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit for one picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;vider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One picture at most:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy and the other network settings are the ones on the Network page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paint a test picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paints one small picture through these settings (it may cost as much as one picture).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture provider&apos;s base URL must start with http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Painting a test picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh &amp;list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks the picture provider which models it offers (GET /models).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the picture provider for its models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) offered; type or pick one in Model.</source>
        <translation>
            <numerusform>%n model offered; type or pick one in Model.</numerusform>
            <numerusform>%n models offered; type or pick one in Model.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Storybook::SettingsUi::ProviderPage</name>
    <message>
        <source>No keychain is available: the key is kept only until the app closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server address, for example https://api.openai.com/v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address must start with http:// or https://, for example https://api.openai.com/v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address has no host name, for example api.openai.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a model name or pick one from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any server that offers the OpenAI chat API: enter its address below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs on this computer, so no API key is needed. Start the program before writing a story.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs an API key, which you get on the provider&apos;s website.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the server which models it offers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered but lists no models. Type the model&apos;s name yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The server offers %n model(s). Pick one from the list or type a name.</source>
        <translation>
            <numerusform>The server offers %n model. Pick one from the list or type a name.</numerusform>
            <numerusform>The server offers %n models. Pick one from the list or type a name.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is not among them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::SettingsUi::ProviderPresets</name>
    <message>
        <source>Qwen / DashScope (Alibaba Cloud)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moonshot (Kimi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zhipu GLM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SiliconFlow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ollama (on this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LM Studio (on this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>llama.cpp server (on this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SiliconFlow (Kolors, Qwen-Image, FLUX)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zhipu CogView (CogView-3-Flash is free)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LocalAI or stable-diffusion.cpp (on this computer)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::SettingsUi::SecretStore</name>
    <message>
        <source>This copy of the app was built without keychain support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets are kept in memory for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain did not answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain is not available (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused access: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused to store the secret: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused to remove the secret: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::SettingsUi::SettingsDialog</name>
    <message>
        <source>Correct the fields marked with ⚠ first:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something on this page needs correcting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::SettingsUi::VoiceCatalog</name>
    <message>
        <source>%1 — %2</source>
        <comment>voice name — description</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: the system voice reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SiliconFlow (CosyVoice2, good Chinese)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kokoro-FastAPI (on this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>openedai-speech (on this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LocalAI (on this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>steady man</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calm woman</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lively woman</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deep man</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warm man</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gentle woman</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cheerful man</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sweet woman</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>woman, American English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>man, American English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>woman, British English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>man, British English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>woman, Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>man, Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SiliconFlow</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::SettingsUi::VoicePage</name>
    <message>
        <source>A voice from a speech service reads the pages in a warm voice; what it reads is kept in the story, so it also plays offline and in the viewer. Without one, the system voice reads (Settings → General).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice provider base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speech model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice provider API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in the system keychain, apart from the other keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;vider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voices for the language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a voice, or type the name of another one (such as a voice you uploaded).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaking speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 is the voice&apos;s own speed; 0.85 is a little slower for bedtime.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a warm, calm bedtime voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaking style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MP3 (small, plays everywhere)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opus (smallest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAV (large)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PCM (raw samples, large)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play a sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaks one sentence in the chosen language with these settings (it may cost as much as one sentence).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>V&amp;oice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Speed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaking s&amp;tyle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio &amp;format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read new pages aloud automatically (uses the voice provider)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playing the sample (%1 KB)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample has been played.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available: the key is kept only until the app closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only gpt-4o-mini-tts (or a custom provider) takes a speaking style.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No voice provider: the system voice reads (no Chinese voice on most Linux systems).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose or type a voice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages will be read with %1 (%2), new pages as soon as they are written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages will be read with %1 (%2) when you press Read aloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The voice provider&apos;s base URL must start with http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the voice provider&apos;s speech model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the voice provider to speak…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::SettingsUi::VoiceSample</name>
    <message>
        <source>The sample could not be kept in a temporary file for playing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample arrived (%1) but could not be played: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Speech::ClipDecoder</name>
    <message>
        <source>A sound kept in the story could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Speech::MissingSpeechEngine</name>
    <message>
        <source>This copy of Interactive Storybook was built without text-to-speech, so it cannot read aloud.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Speech::NarrationPlayer</name>
    <message>
        <source>No audio device was found, so the narration kept in the story cannot be played.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sound device stopped playing the narration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sound device could not play the narration.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Speech::Narrator</name>
    <message>
        <source>Reading aloud is not available.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Speech::Recorder</name>
    <message>
        <source>No microphone was found. Connect one, or allow this app to use it, and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The microphone “%1” does not record in a format this app can keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The microphone “%1” could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The microphone stopped working. What was recorded until then is kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Speech::SystemSpeechEngine</name>
    <message>
        <source>No speech engine is installed. Install speech-dispatcher (or another text-to-speech engine for your system) to have pages read aloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The speech engine did not start (%1). Check that speech-dispatcher is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no voice for %1 on this computer. Install one for your speech engine (for example espeak-ng or a %1 voice for speech-dispatcher).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page could not be read aloud: %1. Check the sound output of this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the speech engine failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Story::ArtStyle</name>
    <message>
        <source>Watercolour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crayon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper cut-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ink wash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soft 3D clay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bright flat cartoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pencil sketch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Story::DraftReason</name>
    <message>
        <source>Writing was stopped before the page was finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app was closed while this page was being written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model stopped before the page was finished: it reached its length limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s safety filter stopped this page before it was finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model sent nothing that could be used as a page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story writer did not accept the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story writer was busy (too many requests).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story writer&apos;s account has no credit left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s safety system refused to write this page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story writer does not know the model chosen in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story writer could not be reached over the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy did not let the request through to the story writer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story writer took too long to answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story writer could not write this page (its service answered with an error).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story writer&apos;s settings are not complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story writer&apos;s answer could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong in the app while this page was being written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the story writer was cut off before the page was finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s moderation flagged this page, also when it was written again more gently.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Story::FamilyCast</name>
    <message>
        <source>A character needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The family cast is full (%1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such character in the family cast.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Story::Library</name>
    <message>
        <source>The library folder “%1” cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library folder “%1” cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another file already holds the story with this id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” exists and is not this story; it was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story cannot be saved to “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story “%1” is not in the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story “%1” cannot be moved to the trash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A story with the id “%1” is already in the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story “%1” is not in the trash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be removed from the trash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be moved aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file name is not valid UTF-8, so the file cannot be opened. Rename it to read the story.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a story this app can read, so it is left where it is. If you do not need it, remove it from the library folder yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>a second story of the same title: The Moon Lantern (2)</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Story::LocalStore</name>
    <message>
        <source>%1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged; it will be kept as %1.damaged when something is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The damaged %1 could not be kept aside.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Story::ProfileStore</name>
    <message>
        <source>A child&apos;s profile needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such profile.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Story::ReadingLevel</name>
    <message>
        <source>First words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Developing reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confident reader</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Story::Story</name>
    <message>
        <source>This is not an Interactive Storybook story file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story file has no valid format version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story file has no id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story file has too many pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story file has a page without an id, or two pages with the same id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story file has a page whose parent is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not valid JSON (%1 at byte %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story file is damaged: its pages lead back to themselves in a circle.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Story::StoryExporter</name>
    <message>
        <source>Could not write “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF export is not available without the graphical application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF could not be finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder for the pictures could not be made.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Story::StoryFile</name>
    <message>
        <source>an entry is too large (%1 MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story file is a container without a story in it (no %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story inside the file cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story file is a damaged container: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large to be a story (%1 MB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story&apos;s container could not be assembled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Story::WordList</name>
    <message>
        <source>Let&apos;s try other words! Those words don&apos;t belong in our story. What else could happen?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The idea has words that are not sent to the story writer (the family word list). Please say it in other words.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::StoryWords</name>
    <message>
        <source>The End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happens next?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What do you guess?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What should the name be?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What does it look like?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You guessed: %1</source>
        <extracomment>On the page after a guessing question: the child&apos;s guess</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You named them: %1</source>
        <extracomment>On the page after a naming question: the name the child gave a character</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You said: “%1”</source>
        <extracomment>On the page after a describing question: the child&apos;s own words</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You chose: %1</source>
        <extracomment>On the page after a question: the answer the child chose</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1</source>
        <extracomment>%1 is the page&apos;s position: a number, with a letter per branch taken in &quot;all branches&quot; exports (3a)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfinished page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfinished page: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own answer: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another way the story goes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you chose “%1”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idea: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ages %1</source>
        <extracomment>%1 is an age band such as 6-8</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture of page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The characters of the story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The characters: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made with Interactive Storybook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or pick a name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some ideas:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guess:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The storyteller is writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once upon a time, a little fox found a lantern in the snow, and it glowed just for her.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You chose</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Viewer::ViewerWindow</name>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search stories…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Interactive Storybook Viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This library has no stories yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No story here can be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is too large to be a story.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled story</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This story cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interactive Storybook Viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Interactive Storybook Viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a Story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stories (*.storybook);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a Story Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Interactive Storybook Viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interactive Storybook Viewer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads the stories of your library, offline. Choose what happens next among the branches already written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read &amp;aloud</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Widgets::AnswerPanel</name>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My own answer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My own answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type an answer of your own and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send my own answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story goes on with your own answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the name you give and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That&apos;s the name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give this name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story goes on with the name you typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell it in your own words…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe it in your own words; the storyteller weaves them into the next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell the storyteller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send your words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story goes on with what you wrote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story goes this way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press %1 to choose this answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer %1; press %1 to choose it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Widgets::LibraryTrashView</name>
    <message>
        <source>Delete forever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted stories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Puts the chosen story back into the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete forever…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes the chosen story for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty trash…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes every story in the trash for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1” forever? It cannot be brought back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n story(s) in the trash forever? They cannot be brought back.</source>
        <translation>
            <numerusform>Delete the %n story in the trash forever? It cannot be brought back.</numerusform>
            <numerusform>Delete the %n stories in the trash forever? They cannot be brought back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Storybook::Widgets::PageView</name>
    <message>
        <source>Writing the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfinished page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfinished page — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The storyteller writes the rest of this unfinished page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Widgets::PictureView</name>
    <message>
        <source>Picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture is being painted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Painting the picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Painting the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Painting the picture again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Painting the picture again…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Widgets::ReadAloud</name>
    <message>
        <source>A recording kept in the story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice kept in the story</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice kept in the story (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice provider: this page&apos;s narration is being made; the system voice reads what is not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System voice: this page&apos;s narration is incomplete and no voice provider is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System voice: this page has no narration and no voice provider is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System voice: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Widgets::ReaderWidget</name>
    <message>
        <source>No story is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page (Left, Page Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page (Right, Page Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This part of the story has not been written yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop reading aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read this page aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop reading aloud (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read this page aloud (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goes back one page along the story&apos;s path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goes on one page along the story&apos;s path</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storybook::Widgets::StoryMapView</name>
    <message>
        <source>Story map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(being written)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (unfinished)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — The End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfinished page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfinished page — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All the pages of the story; the coloured line is the way you are reading, branches are other answers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Interactive Storybook: picture-book stories written with you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The story library folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interactive Storybook Viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads interactive picture-book stories offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A .storybook file or a folder of stories (default: the app&apos;s library).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[FILE.storybook | FOLDER]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the window after &lt;ms&gt; milliseconds (for tests).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give one file or folder at most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--quit-after-ms needs a number of milliseconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not deny the viewer network sockets (for debugging).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
