#pragma once

#include "imageanswer.h"
#include "imagebytes.h"
#include "requestjob.h"

#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <chrono>
#include <optional>

namespace Storybook::Llm {

// A picture the provider should paint from, e.g. the story's character sheet. Its type is read from
// the bytes (PNG, JPEG or WebP); anything else is refused before a request is sent.
struct ImageReference
{
    QByteArray bytes;
    QString fileName; // optional; a name is made up from the type ("reference-1.png")
};

struct ImageRequest
{
    QString prompt;
    QString model;   // empty: the settings' model
    QString size;    // "1024x1024"; empty: the provider's default
    QString quality; // "low", "medium", "high" (gpt-image), "standard", "hd" (DALL-E 3, CogView); empty: not sent
    // Non-empty: the picture is painted from these (POST /images/edits, multipart; SiliconFlow: the
    // "image", "image2", "image3" fields of /images/generations).
    QList<ImageReference> references;
    QJsonObject extra; // merged into the JSON body, or sent as text parts of a multipart one
    // Picture limits for this request; unset: the client's settings (the picture role defaults to
    // idle 180 s and total 300 s, see ConnectionSettings::defaults()).
    std::optional<std::chrono::milliseconds> idleTimeout;
    std::optional<std::chrono::milliseconds> totalTimeout;
};

struct ImageResult
{
    QByteArray bytes;      // exactly as the provider sent them (decoded from base64, never re-encoded)
    QString mimeType;      // sniffed from the bytes: image/png, image/jpeg or image/webp
    QString revisedPrompt; // what the provider painted from, when it rewrote the prompt (DALL-E 3, gpt-image)
    QString model;
    QUrl downloadedFrom;   // the address a data[].url / images[].url answer named (expires: never store it)
    qint64 downloadMs = -1; // how long that download took; -1 when the picture came inline

    [[nodiscard]] ImageFormat format() const { return sniffImageFormat(bytes); }
};

// How a provider wants the request written. OpenAI, Zhipu, LocalAI and stable-diffusion.cpp take
// OpenAI's fields ("size", "n"); SiliconFlow takes "image_size" and "batch_size", and reference
// pictures as data URLs in "image"/"image2"/"image3" of /images/generations instead of /images/edits.
enum class ImageDialect { OpenAi, SiliconFlow };

// One picture: POST {base}/images/generations (JSON) or, with references, POST {base}/images/edits
// (multipart/form-data with the pictures as "image[]" parts). Every answer shape works:
// data[].b64_json (OpenAI's gpt-image models), data[].url (Zhipu CogView, DALL-E), images[].url
// (SiliconFlow), and a server that answers with the picture bytes themselves. An address is fetched at
// once through the same client (proxy, TLS, CA bundle, timeouts), without the API key, since such
// addresses expire within the hour. The answer is read and its base64 decoded on a worker thread
// (readImageAnswer); a job cancelled or destroyed meanwhile delivers nothing. finished() once;
// result() holds the picture when error() is none.
class ImageJob final : public RequestJob
{
    Q_OBJECT

public:
    ImageJob(LlmClient* client, const ImageRequest& request);

    [[nodiscard]] const ImageResult& result() const { return m_result; }

    [[nodiscard]] static ImageDialect dialectFor(const QUrl& baseUrl, const QString& model);
    // "response_format": "b64_json" goes to DALL-E models only. OpenAI's gpt-image models always answer
    // b64_json and refuse the field, and other providers differ, so nothing is sent to them.
    [[nodiscard]] static bool sendsResponseFormat(const QString& model);
    [[nodiscard]] static QByteArray requestBody(const ImageRequest& request, const QString& model, ImageDialect dialect);
    // A reference picture that is not PNG, JPEG or WebP (checked before anything is sent).
    [[nodiscard]] static LlmError checkReferences(const ImageRequest& request);

Q_SIGNALS:
    // The provider answered with an address; the picture is being fetched from it now.
    void downloading(const QUrl& url);
    // The answer arrived; the picture is being read from it on a worker thread (finished() follows,
    // or downloading() when the answer named an address).
    void decoding();

protected:
    void handleBody(const QByteArray& bytes) override;
    LlmError handleEnd() override;
    [[nodiscard]] QHttpMultiPart* createMultiPart() const override;
    // A painted picture costs money: retried only when the provider surely did not paint it (no
    // connection, connect timeout, 429, 502/503/504), never after a reset or a 500.
    [[nodiscard]] bool mayRetry(const LlmError& error) const override;

private:
    ImageJob(LlmClient* client, const ImageRequest& request, const QString& model, const QByteArray& boundary);
    LlmError takePicture(QByteArray bytes, const QString& from);
    void answerRead(ImageAnswer answer); // on the job's thread, from the worker that read the answer
    void download(const QUrl& url);

    ImageRequest m_request;
    QByteArray m_boundary; // of the multipart body, the same for every attempt
    bool m_multipart = false; // POST /images/edits with the references as parts
    QByteArray m_body;
    ImageResult m_result;
    QPointer<RequestJob> m_download;
};

} // namespace Storybook::Llm
