// The official openai npm SDK (v4) as a streaming client for the net benchmark:
//   node sdk_stream.js BASE_URL [socks5h://127.0.0.1:PORT]
// Writes every delta's content to stdout; exits non-zero on any error (no retries). The API key
// comes from OPENAI_API_KEY; NODE_PATH points at the node_modules that run.sh installed.
'use strict';
const OpenAI = require('openai');

async function main() {
    const [baseURL, proxy] = process.argv.slice(2);
    const options = { baseURL, maxRetries: 0, timeout: 120000 };
    if (proxy) {
        const { SocksProxyAgent } = require('socks-proxy-agent');
        options.httpAgent = new SocksProxyAgent(proxy);
    }
    const client = new OpenAI(options);
    const stream = await client.chat.completions.create({
        model: 'fake-small',
        stream: true,
        messages: [{ role: 'user', content: 'Tell me a story' }],
    });
    for await (const chunk of stream) {
        const content = chunk.choices[0]?.delta?.content;
        if (content)
            process.stdout.write(content);
    }
}

main().catch((error) => {
    process.stderr.write(`openai-sdk: ${error && error.message ? error.message : error}\n`);
    process.exit(1);
});
