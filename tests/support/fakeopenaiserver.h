#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

#include <optional>

class QTcpServer;

namespace Storybook::Test {

namespace Detail {
class FakeConnection;
} // namespace Detail

//! One part of a multipart/form-data request body (POST /v1/images/edits).
struct RecordedPart
{
    QByteArray name;        //!< the form field: "prompt", "image[]", ...
    QByteArray fileName;    //!< empty for plain fields
    QByteArray contentType; //!< as the part's header said, empty when none
    QByteArray body;
};

//! One HTTP request as seen by FakeOpenAiServer.
struct RecordedRequest
{
    QByteArray method;
    QByteArray path;     //!< full request target including the /s/<scenario> prefix and query
    QList<QPair<QByteArray, QByteArray>> headers; //!< in arrival order, names as sent
    QByteArray body;
    QHostAddress peer;   //!< 127.0.0.1 for direct clients, 127.0.0.2 via ProxyLauncher proxies
    QString scenario;    //!< effective scenario (prefix or default)
    QList<RecordedPart> parts; //!< the parsed parts of a multipart/form-data body

    //! First header value with that name (case-insensitive), or a null QByteArray.
    QByteArray header(QByteArrayView name) const;
};

/*!
 * A scriptable HTTP/1.1 server speaking the OpenAI chat-completions API, for tests and
 * benchmarks. Plain TCP by default, TLS (QSslServer) after setTlsCertificate().
 *
 * Endpoints (an optional "/s/<scenario>" prefix selects the behaviour, then "/v1" is optional):
 *   POST /v1/chat/completions   body {"model":..., "stream":bool, ...}
 *   GET  /v1/models             {"object":"list","data":[{"id":"fake-small",...},{"id":"fake-large",...}]}
 *   POST /v1/images/generations body {"model", "prompt", ...}; 400 without a prompt, and 400 "Unknown
 *                               parameter: 'response_format'" for a model named gpt-image* (as OpenAI does)
 *   POST /v1/images/edits       multipart/form-data (boundary quoted or not); 400 unless it carries a prompt
 *                               and at least one "image"/"image[]" part that is a PNG, JPEG or WebP; the
 *                               parts are recorded in RecordedRequest::parts
 *   POST /v1/moderations        body {"input": "..."}: results[0].flagged (category violence) when the input
 *                               holds the marker FLAG-ME, else not; 500 when it holds FAIL-CHECK; 400 without
 *                               an input; the generic
 *                               scenarios (status, flaky, reset, html, gateway, ...) apply
 *   GET  /files/<token>?...     a picture a url answer named (served by this same server, never under /s/)
 *   anything else               404 with an OpenAI-style error JSON (405 for a wrong method)
 *
 * Scenario grammar:  NAME[:PARAM[:PARAM]]   (integers, decimal; missing params use the defaults)
 *   ok[:N]               normal answer; N>0 streams N short word deltas at full speed (batched)
 *   json                 ignores "stream":true, always a plain application/json chat.completion
 *   reasoning            several delta.reasoning_content chunks (DeepSeek style), then content
 *   crlf                 SSE with CRLF line endings
 *   comments             ": keep-alive" comment lines between the events
 *   nospace              "data:{...}" without the blank after the colon
 *   nodone               no "data: [DONE]"; the chunked body just ends
 *   split-utf8           content "从前，有一只小狐狸🦊找到了一盏灯。"; the raw bytes are written so that
 *                        multi-byte characters straddle separate writes (flush + 3 ms pause)
 *   story[:MS]           a picture-book page answering the app's prompt (first page with title and cast);
 *                        with MS, one delta of 7 characters every MS ms (a page written slowly)
 *   story-sloppy         a first page in a code fence with chatter, unquoted keys, single quotes and
 *                        trailing commas (what the app's tolerant page parser must repair)
 *   length               final chunk has finish_reason "length"
 *   content_filter       final chunk has finish_reason "content_filter"
 *   refuse[:K]           the first K (default 1) chats to this exact scenario string end like content_filter,
 *                        later ones answer like story (a page refused, then written when asked again)
 *   error-in-stream      a few content chunks, then data: {"error":{"message":"The model crashed",...}}
 *                        (non-streaming: HTTP 500 with that error)
 *   status:CODE[:RA]     HTTP CODE with {"error":{"message","type","code"}}; "Retry-After: RA" if given
 *   flaky:K[:CODE]       the first K requests to this exact scenario string fail with CODE
 *                        (default 503, "Retry-After: 0"), later ones behave like ok
 *   echo-key             401 whose error message echoes the received Authorization header value
 *   stall-headers        reads the request, never answers (socket stays open)
 *   stall[:MS]           headers, then after MS ms (default 0) one content chunk, then silence forever
 *   drip:MS[:COUNT]      one content delta every MS ms, COUNT deltas (default 20), then finishes
 *   drop                 headers and a few chunks, then the connection is aborted (RST, SO_LINGER 0)
 *   reset                connection aborted (RST) right after reading the request, no response
 *   malformed            one chunk with broken JSON in the middle, then continues normally
 *   gzip                 "Content-Encoding: gzip", whole (JSON or SSE) body gzip'ed, Content-Length
 *   redirect             307 with a relative Location: the same path without the /s/redirect prefix
 *   redirect-loop        302 whose Location is the request's own path (a redirect loop)
 *   html                 200 with a text/html web page (a captive portal), for every endpoint
 *   gateway[:CODE]       CODE (default 502) with nginx's HTML "Bad Gateway" page and "Server: nginx/1.22.1":
 *                        a gateway in front of the API that could not reach it
 *   slow-models[:MS]     GET /models answers after MS ms (default 1000); chat behaves like ok
 *
 * Picture scenarios (images/generations and images/edits; the pictures are picture(FORMAT, prompt)):
 *   ok                   data[].b64_json of a 48x32 PNG made from the prompt, with revised_prompt (gpt-image)
 *   image-jpeg           the same shape with a 32x24 JPEG; image-webp with a 32x24 lossless WebP
 *   image-url            data[].url naming /files/<token> (Zhipu CogView), plus Zhipu's content_filter
 *   image-siliconflow    images[].url of a JPEG, with timings and seed (SiliconFlow)
 *   image-expiring       data[].url whose file answers the first GET, then 403 (an expired signed address)
 *   image-expired        data[].url whose file answers 403 at once
 *   image-slow[:MS]      the b64_json answer after MS ms (default 1000)
 *   image-slow-url[:MS]  data[].url whose file answers after MS ms (default 1000)
 *   stall[:MS]           headers and half the b64_json answer after MS ms (default 0), then silence
 *   image-refused        400 {"error": {"code": "moderation_blocked", "type": "image_generation_user_error"}}
 *   image-refused-zhipu  400 {"error": {"code": "1301", "message": "系统检测到…不安全或敏感内容…"}} (Zhipu)
 *   image-no-credit      429 {"error": {"code": "insufficient_quota"}} (OpenAI out of credit)
 *   image-corrupt        data[].b64_json of a PNG cut 20 bytes short (signature fine, IEND missing)
 *   image-html           data[].url whose file is an HTML page (200 text/html)
 *   image-raw            200 image/png with the picture bytes themselves (some local servers)
 *   status:CODE[:RA], flaky, reset, stall-headers, html, gateway, redirect, echo-key also apply (401, 429
 *   with Retry-After: status:401, status:429:RA). The image-* scenarios answer chat and models like ok.
 *
 * Speech scenarios (POST /v1/audio/speech, body {"model", "input", "voice", "response_format", "speed",
 * "instructions"}; see FakeSpeech): real audio of 10 ms per input character, a 440 Hz tone at 24 kHz:
 * pcm (raw samples) and wav are written here; mp3, opus, aac and flac are encoded by ffmpeg when the
 * test machine has it (setSpeechEncoder()), else answered 400 "Unsupported response_format" as a real
 * server that cannot make them does. 400 without model or input, for input over 4,096 characters
 * (string_too_long), for an unknown voice (OpenAI's names, or any "model:voice" name as SiliconFlow
 * uses) and for a speed outside 0.25-4.
 *   ok                   the audio in the asked format
 *   speech-silence       the same length of silence
 *   speech-slow[:MS]     the audio after MS ms (default 1000)
 *   stall[:MS]           headers and half the audio after MS ms (default 0), then silence
 *   speech-corrupt       200 audio/wav with "RIFF" and then garbage
 *   speech-json          200 application/json {"audio": "<base64>"} instead of audio
 *   speech-wrong-format  always a wav file, whatever was asked (some local servers)
 *   speech-no-credit     429 insufficient_quota
 *   status:400/401/429[:RA], flaky, reset, stall-headers, html, gateway, redirect also apply. The speech-*
 *   scenarios answer chat and models like ok.
 *
 * Generic scenarios (status, flaky, echo-key, stall-headers, reset, gzip, redirect, redirect-loop) apply to every
 * endpoint; the others only change chat/completions. Non-streaming requests get a plain JSON body
 * (drip/stall/drop write that body in pieces with the same timing). An unknown scenario answers 400.
 *
 * Keep-alive (Content-Length) and chunked streaming are supported, requests may arrive split over
 * any number of TCP reads, pipelined requests are answered in order, "Expect: 100-continue" is
 * honoured. Only loopback addresses are accepted by listen().
 */
class FakeOpenAiServer final : public QObject
{
    Q_OBJECT

public:
    explicit FakeOpenAiServer(QObject* parent = nullptr);
    ~FakeOpenAiServer() override;

    //! Switches to TLS (must be called before listen()). Returns false if the PEM files are unusable.
    bool setTlsCertificate(const QString& certPemPath, const QString& keyPemPath);

    //! Listens on a loopback address only; port 0 picks a free port.
    bool listen(const QHostAddress& address = QHostAddress(QHostAddress::LocalHost), quint16 port = 0);
    //! Closes the listening socket and every open connection.
    void close();
    bool isListening() const;
    quint16 port() const;
    QString errorString() const { return m_errorString; }

    //! "http(s)://127.0.0.1:PORT/v1", or ".../s/<scenario>/v1" when a scenario is given.
    QUrl baseUrl(const QString& scenario = {}) const;

    void setDefaultScenario(const QString& scenario) { m_defaultScenario = scenario; }
    QString defaultScenario() const { return m_defaultScenario; }

    QList<RecordedRequest> requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }
    //! Forgets the per-scenario counters used by flaky:K.
    void resetCounters() { m_scenarioCounters.clear(); }

    int openConnections() const;

    //! The picture bytes the server answers with: "png" (48x32, colours from the seed, encoded here),
    //! "jpeg" (32x24) or "webp" (32x24, lossless). Real images any decoder reads.
    static QByteArray picture(const QByteArray& format, const QByteArray& seed = {});
    //! Serves bytes at pictureFileUrl(token): okFetches answers (-1 = always), then 403; after delayMs.
    QByteArray addPictureFile(const QByteArray& bytes, const QByteArray& contentType, int okFetches = -1, int delayMs = 0);
    QUrl pictureFileUrl(const QByteArray& token) const;

    //! The program that encodes mp3, opus, aac and flac speech (default: ffmpeg from PATH); an empty
    //! string: none, so those formats are answered 400 "unsupported".
    void setSpeechEncoder(const QString& program) { m_speechEncoder = program; }

Q_SIGNALS:
    void requestReceived(const Storybook::Test::RecordedRequest& request);

private:
    friend class Detail::FakeConnection;

    void acceptPending();
    void handleRequest(Detail::FakeConnection* connection, const RecordedRequest& request);
    void connectionGone(Detail::FakeConnection* connection);
    bool startPicture(Detail::FakeConnection* connection, const RecordedRequest& request, const QString& scenarioText,
                      quint64 serial, bool keepAlive);
    bool startSpeech(Detail::FakeConnection* connection, const RecordedRequest& request, const QString& scenarioText,
                     quint64 serial, bool keepAlive);
    void servePictureFile(Detail::FakeConnection* connection, const QByteArray& token, const RecordedRequest& request,
                          quint64 serial, bool keepAlive);

    struct PictureFile
    {
        QByteArray bytes;
        QByteArray contentType;
        int okFetches = -1;
        int delayMs = 0;
    };
    QHash<QByteArray, PictureFile> m_pictureFiles;
    int m_pictureSerial = 0;
    std::optional<QString> m_speechEncoder;

    QTcpServer* m_server = nullptr;
    bool m_tls = false;
    QHostAddress m_address;
    QString m_errorString;
    QString m_defaultScenario = QStringLiteral("ok");
    QList<RecordedRequest> m_requests;
    QHash<QString, int> m_scenarioCounters;
    QList<Detail::FakeConnection*> m_connections;
    QByteArray m_certPem;
    QByteArray m_keyPem;
};

} // namespace Storybook::Test

Q_DECLARE_METATYPE(Storybook::Test::RecordedRequest)
