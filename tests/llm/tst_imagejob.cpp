// Pictures through the network core (issue 15): every answer shape the providers use, both endpoints,
// each failure, the picture address fetched at once through the same proxies, and the key kept out of
// every message.
#include "clienttesthelpers.h"
#include "connectionsettings.h"
#include "fakeopenaiserver.h"
#include "imagejob.h"
#include "proxylauncher.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Storybook;
using namespace Storybook::Test;
using Kind = Llm::LlmError::Kind;
using Category = Llm::LlmError::Category;
using ProxyKind = ProxyLauncher::Kind;

namespace {
const QByteArray Prompt = "A small fox with a blue scarf reads under a lantern";

struct ImageOutcome
{
    Llm::LlmError error;
    Llm::ImageResult result;
    Llm::RequestInfo info;
    QList<QUrl> downloads;
    int retries = 0;
    bool finished = false;
};

ImageOutcome runImage(Llm::LlmClient& client, const Llm::ImageRequest& request,
                      const std::function<void(Llm::ImageJob*)>& onDownloading = {}, int timeoutMs = 20000)
{
    ImageOutcome outcome;
    Llm::ImageJob* job = client.image(request);
    QObject::connect(job, &Llm::ImageJob::downloading, job, [&outcome, job, onDownloading](const QUrl& url) {
        outcome.downloads.append(url);
        if (onDownloading)
            onDownloading(job);
    });
    QObject::connect(job, &Llm::RequestJob::retrying, job, [&outcome] { ++outcome.retries; });
    QObject::connect(job, &Llm::RequestJob::finished, job, [&outcome, job] {
        outcome.error = job->error();
        outcome.result = job->result();
        outcome.info = job->info();
        outcome.finished = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(outcome.finished, timeoutMs); }();
    return outcome;
}

Llm::ImageRequest request(const QString& model = QStringLiteral("gpt-image-1"))
{
    Llm::ImageRequest r;
    r.prompt = QString::fromUtf8(Prompt);
    r.model = model;
    r.size = QStringLiteral("1024x1024");
    return r;
}

QSize decodedSize(const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    QImageReader reader(&buffer);
    const QImage image = reader.read();
    return image.isNull() ? QSize() : image.size();
}

QList<RecordedRequest> requestsTo(const FakeOpenAiServer& server, const QByteArray& pathPart)
{
    QList<RecordedRequest> found;
    for (const RecordedRequest& r : server.requests()) {
        if (r.path.contains(pathPart))
            found.append(r);
    }
    return found;
}
} // namespace

class TestImageJob final : public QObject
{
    Q_OBJECT

    FakeOpenAiServer* m_server = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = new FakeOpenAiServer(this);
        QVERIFY(m_server->listen());
    }

    void init()
    {
        failOnLifecycleWarnings();
        m_server->clearRequests();
        m_server->resetCounters();
    }

    void fakePicturesAreRealImages_data()
    {
        QTest::addColumn<QByteArray>("format");
        QTest::addColumn<QSize>("size");
        QTest::newRow("png") << QByteArray("png") << QSize(48, 32);
        QTest::newRow("jpeg") << QByteArray("jpeg") << QSize(32, 24);
        QTest::newRow("webp") << QByteArray("webp") << QSize(32, 24);
    }
    void fakePicturesAreRealImages()
    {
        QFETCH(QByteArray, format);
        QFETCH(QSize, size);
        if (format == "webp")
            STORYBOOK_REQUIRE_TOOL(QImageReader::supportedImageFormats().contains("webp"), "qt6-image-formats-plugins");
        QCOMPARE(decodedSize(FakeOpenAiServer::picture(format, Prompt)), size);
    }

    void sniffAndCheck()
    {
        using Llm::ImageFormat;
        const QByteArray png = FakeOpenAiServer::picture("png", Prompt);
        const QByteArray jpeg = FakeOpenAiServer::picture("jpeg");
        const QByteArray webp = FakeOpenAiServer::picture("webp");
        QCOMPARE(Llm::sniffImageFormat(png), ImageFormat::Png);
        QCOMPARE(Llm::sniffImageFormat(jpeg), ImageFormat::Jpeg);
        QCOMPARE(Llm::sniffImageFormat(webp), ImageFormat::Webp);
        QCOMPARE(Llm::sniffImageFormat("<!DOCTYPE html><html>"), ImageFormat::Unknown);
        QCOMPARE(Llm::sniffImageFormat("GIF89a"), ImageFormat::Unknown);
        QVERIFY(Llm::isIntactImage(png, ImageFormat::Png));
        QVERIFY(Llm::isIntactImage(jpeg, ImageFormat::Jpeg));
        QVERIFY(Llm::isIntactImage(webp, ImageFormat::Webp));
        QString why;
        QVERIFY(!Llm::isIntactImage(png.left(png.size() - 20), ImageFormat::Png, &why));
        QVERIFY(why.contains(QLatin1String("cut off")));
        QVERIFY(!Llm::isIntactImage(jpeg.left(jpeg.size() - 10), ImageFormat::Jpeg));
        QVERIFY(!Llm::isIntactImage(webp.left(webp.size() - 10), ImageFormat::Webp));
        QVERIFY(!Llm::isIntactImage(QByteArray(QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(40, 'x')), ImageFormat::Png));
    }

    void answerShapes_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QByteArray>("format");
        QTest::addColumn<bool>("viaUrl");
        QTest::addColumn<bool>("revised");
        QTest::newRow("b64_json png (gpt-image)") << "ok" << "gpt-image-1" << QByteArray("png") << false << true;
        QTest::newRow("b64_json jpeg") << "image-jpeg" << "gpt-image-1" << QByteArray("jpeg") << false << true;
        QTest::newRow("b64_json webp") << "image-webp" << "gpt-image-1" << QByteArray("webp") << false << true;
        QTest::newRow("data[].url (CogView)") << "image-url" << "cogview-3-flash" << QByteArray("png") << true << false;
        QTest::newRow("images[].url (SiliconFlow)") << "image-siliconflow" << "Kwai-Kolors/Kolors" << QByteArray("jpeg") << true
                                                    << false;
        QTest::newRow("raw picture bytes") << "image-raw" << "sd-turbo" << QByteArray("png") << false << false;
        QTest::newRow("dall-e-3 asks for b64_json") << "ok" << "dall-e-3" << QByteArray("png") << false << true;
    }
    void answerShapes()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, model);
        QFETCH(QByteArray, format);
        QFETCH(bool, viaUrl);
        QFETCH(bool, revised);
        Llm::LlmClient client(directSettings(m_server->baseUrl(scenario)));
        const ImageOutcome outcome = runImage(client, request(model));
        QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.message + u' ' + outcome.error.detail));
        const QByteArray expected = FakeOpenAiServer::picture(format, Prompt);
        QCOMPARE(outcome.result.bytes, expected); // byte for byte, never re-encoded
        QCOMPARE(outcome.result.mimeType, QString(QStringLiteral("image/") + QString::fromLatin1(format)));
        QCOMPARE(outcome.result.model, model);
        QCOMPARE(outcome.result.revisedPrompt.isEmpty(), !revised);
        QVERIFY(decodedSize(outcome.result.bytes).isValid());

        const QList<RecordedRequest> posts = requestsTo(*m_server, "/images/generations");
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts.first().header("Authorization"), QByteArray("Bearer " + TestApiKey.toUtf8()));
        const QJsonObject body = QJsonDocument::fromJson(posts.first().body).object();
        QCOMPARE(body.value(QLatin1String("model")).toString(), model);
        QCOMPARE(body.value(QLatin1String("prompt")).toString(), QString::fromUtf8(Prompt));
        QCOMPARE(body.contains(QLatin1String("response_format")), model.startsWith(QLatin1String("dall-e")));
        if (model.contains(u'/')) { // SiliconFlow's fields
            QCOMPARE(body.value(QLatin1String("image_size")).toString(), QStringLiteral("1024x1024"));
            QCOMPARE(body.value(QLatin1String("batch_size")).toInt(), 1);
            QVERIFY(!body.contains(QLatin1String("size")));
        } else {
            QCOMPARE(body.value(QLatin1String("size")).toString(), QStringLiteral("1024x1024"));
            QCOMPARE(body.value(QLatin1String("n")).toInt(), 1);
        }

        const QList<RecordedRequest> gets = requestsTo(*m_server, "/files/");
        QCOMPARE(gets.size(), viaUrl ? 1 : 0);
        QCOMPARE(outcome.downloads.size(), viaUrl ? 1 : 0);
        QCOMPARE(outcome.result.downloadedFrom.isEmpty(), !viaUrl);
        if (viaUrl) {
            QVERIFY(gets.first().header("Authorization").isEmpty()); // the key stays with the API
            QVERIFY(outcome.result.downloadMs >= 0);
        }
    }

    void qualityIsSentWhenGiven()
    {
        Llm::LlmClient client(directSettings(m_server->baseUrl()));
        Llm::ImageRequest r = request();
        r.quality = QStringLiteral("low");
        QVERIFY(!runImage(client, r).error.isError());
        const QJsonObject body = QJsonDocument::fromJson(requestsTo(*m_server, "/images/").first().body).object();
        QCOMPARE(body.value(QLatin1String("quality")).toString(), QStringLiteral("low"));
        QVERIFY(!body.contains(QLatin1String("response_format")));
    }

    void editsCarryTheReferences_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("count");
        QTest::addColumn<QByteArray>("field");
        QTest::newRow("gpt-image, two") << "gpt-image-1" << 2 << QByteArray("image[]");
        QTest::newRow("gpt-image, one") << "gpt-image-1" << 1 << QByteArray("image[]");
        QTest::newRow("other, one") << "sd-turbo" << 1 << QByteArray("image");
    }
    void editsCarryTheReferences()
    {
        QFETCH(QString, model);
        QFETCH(int, count);
        QFETCH(QByteArray, field);
        Llm::LlmClient client(directSettings(m_server->baseUrl()));
        Llm::ImageRequest r = request(model);
        const QByteArray sheet = FakeOpenAiServer::picture("png", "character sheet");
        const QByteArray second = FakeOpenAiServer::picture("jpeg");
        r.references.append({sheet, QStringLiteral("cast.png")});
        if (count > 1)
            r.references.append({second, QString()});
        const ImageOutcome outcome = runImage(client, r);
        QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.message));
        QCOMPARE(outcome.result.bytes, FakeOpenAiServer::picture("png", Prompt));

        const QList<RecordedRequest> edits = requestsTo(*m_server, "/images/edits");
        QCOMPARE(edits.size(), 1);
        const RecordedRequest& sent = edits.first();
        QVERIFY(sent.header("Content-Type").startsWith("multipart/form-data; boundary="));
        QList<RecordedPart> pictures;
        QByteArray prompt;
        QByteArray sentModel;
        for (const RecordedPart& part : sent.parts) {
            if (part.name == field)
                pictures.append(part);
            else if (part.name == "prompt")
                prompt = part.body;
            else if (part.name == "model")
                sentModel = part.body;
        }
        QCOMPARE(prompt, Prompt);
        QCOMPARE(sentModel, model.toUtf8());
        QCOMPARE(pictures.size(), count);
        QCOMPARE(pictures.at(0).body, sheet);
        QCOMPARE(pictures.at(0).fileName, QByteArray("cast.png"));
        QCOMPARE(pictures.at(0).contentType, QByteArray("image/png"));
        if (count > 1) {
            QCOMPARE(pictures.at(1).body, second);
            QCOMPARE(pictures.at(1).fileName, QByteArray("reference-2.jpg"));
            QCOMPARE(pictures.at(1).contentType, QByteArray("image/jpeg"));
        }
    }

    void editsAreSentAgainOnRetry()
    {
        // The multipart body is built for every attempt: a 503 first, then the whole body again.
        Llm::LlmClient client(directSettings(m_server->baseUrl(QStringLiteral("flaky:1:503"))));
        Llm::ImageRequest r = request();
        r.references.append({FakeOpenAiServer::picture("webp"), QString()});
        const ImageOutcome outcome = runImage(client, r);
        QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.message));
        QCOMPARE(outcome.retries, 1);
        const QList<RecordedRequest> edits = requestsTo(*m_server, "/images/edits");
        QCOMPARE(edits.size(), 2);
        for (const RecordedRequest& sent : edits) {
            bool found = false;
            for (const RecordedPart& part : sent.parts)
                found = found || (part.name == "image[]" && part.body == FakeOpenAiServer::picture("webp"));
            QVERIFY(found);
        }
    }

    void siliconFlowReferencesGoAsDataUrls()
    {
        Llm::LlmClient client(directSettings(m_server->baseUrl(QStringLiteral("image-siliconflow"))));
        Llm::ImageRequest r = request(QStringLiteral("Qwen/Qwen-Image-Edit-2509"));
        const QByteArray sheet = FakeOpenAiServer::picture("png", "sheet");
        r.references.append({sheet, QString()});
        QVERIFY(!runImage(client, r).error.isError());
        QCOMPARE(requestsTo(*m_server, "/images/edits").size(), 0);
        const QJsonObject body = QJsonDocument::fromJson(requestsTo(*m_server, "/images/generations").first().body).object();
        QCOMPARE(body.value(QLatin1String("image")).toString(), QString(QStringLiteral("data:image/png;base64,") + QString::fromLatin1(sheet.toBase64())));
    }

    void aReferenceThatIsNoPictureIsRefusedBeforeSending()
    {
        Llm::LlmClient client(directSettings(m_server->baseUrl()));
        Llm::ImageRequest r = request();
        r.references.append({QByteArray("<html>not a picture</html>"), QStringLiteral("cast.png")});
        const ImageOutcome outcome = runImage(client, r);
        QCOMPARE(outcome.error.kind, Kind::InvalidOption);
        QCOMPARE(outcome.error.category(), Category::Configuration);
        QVERIFY(outcome.error.message.contains(QLatin1String("cast.png")));
        QCOMPARE(m_server->requests().size(), 0);
    }

    void failures_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("attempts");
        QTest::newRow("safety (OpenAI)") << "image-refused" << int(Kind::ContentRefused) << 1;
        QTest::newRow("safety (Zhipu 1301)") << "image-refused-zhipu" << int(Kind::ContentRefused) << 1;
        QTest::newRow("out of credit (429 insufficient_quota)") << "image-no-credit" << int(Kind::OutOfCredit) << 1;
        QTest::newRow("out of credit (402)") << "status:402" << int(Kind::OutOfCredit) << 1;
        QTest::newRow("401") << "status:401" << int(Kind::Unauthorized) << 1;
        QTest::newRow("429 with Retry-After") << "status:429:1" << int(Kind::RateLimited) << 2;
        QTest::newRow("500 is not painted twice") << "status:500" << int(Kind::ServerError) << 1;
        QTest::newRow("503 is retried") << "status:503" << int(Kind::ServerError) << 2;
        QTest::newRow("corrupt picture") << "image-corrupt" << int(Kind::MalformedResponse) << 1;
        QTest::newRow("address serves a web page") << "image-html" << int(Kind::MalformedResponse) << 1;
        QTest::newRow("web page instead of the API") << "html" << int(Kind::MalformedResponse) << 1;
        QTest::newRow("gateway page") << "gateway:502" << int(Kind::ServerError) << 2;
        QTest::newRow("expired address") << "image-expired" << int(Kind::HttpError) << 1;
    }
    void failures()
    {
        QFETCH(QString, scenario);
        QFETCH(int, kind);
        QFETCH(int, attempts);
        auto settings = directSettings(m_server->baseUrl(scenario));
        settings.retries = 1;
        Llm::LlmClient client(settings);
        const ImageOutcome outcome = runImage(client, request());
        QCOMPARE(int(outcome.error.kind), kind);
        QCOMPARE(outcome.info.attempts, attempts);
        QVERIFY(!outcome.error.message.isEmpty());
        QVERIFY(!outcome.error.hint.isEmpty());
        QVERIFY(outcome.result.bytes.isEmpty());
        if (kind == int(Kind::ContentRefused)) {
            QCOMPARE(outcome.error.category(), Category::Api);
            QCOMPARE(Llm::LlmError::exitCode(outcome.error.category()), 5);
            QCOMPARE(Llm::LlmError::kindName(outcome.error.kind), QStringLiteral("content-refused"));
        }
        if (kind == int(Kind::MalformedResponse))
            QCOMPARE(Llm::LlmError::exitCode(outcome.error.category()), 7);
        if (scenario == QLatin1String("status:429:1"))
            QCOMPARE(outcome.error.retryAfterSeconds, 1);
        if (scenario == QLatin1String("image-expired")) {
            QCOMPARE(outcome.error.httpStatus, 403);
            QVERIFY(outcome.error.message.contains(QLatin1String("expire")));
        }
    }

    void anAddressIsFetchedOnceAndAtOnce()
    {
        // The address answers once, then 403 like an expired signed URL: one fetch, right away, works.
        Llm::LlmClient client(directSettings(m_server->baseUrl(QStringLiteral("image-expiring"))));
        const ImageOutcome outcome = runImage(client, request(QStringLiteral("cogview-4")));
        QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.message));
        QCOMPARE(outcome.result.bytes, FakeOpenAiServer::picture("png", Prompt));
        QCOMPARE(requestsTo(*m_server, "/files/").size(), 1);

        // The same address a second time is refused: the server really expires it.
        Llm::LlmClient again(directSettings(m_server->baseUrl()));
        QNetworkAccessManager plain;
        QNetworkReply* reply = plain.get(QNetworkRequest(outcome.result.downloadedFrom));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 403);
        delete reply;
    }

    void pictureTimeouts()
    {
        {
            Llm::LlmClient client(directSettings(m_server->baseUrl(QStringLiteral("stall"))));
            Llm::ImageRequest r = request();
            r.idleTimeout = std::chrono::milliseconds(300);
            const ImageOutcome outcome = runImage(client, r);
            QCOMPARE(outcome.error.kind, Kind::IdleTimeout);
        }
        {
            Llm::LlmClient client(directSettings(m_server->baseUrl(QStringLiteral("image-slow-url:3000"))));
            Llm::ImageRequest r = request();
            r.totalTimeout = std::chrono::milliseconds(600); // covers the download of the address too
            const ImageOutcome outcome = runImage(client, r);
            QCOMPARE(outcome.error.kind, Kind::TotalTimeout);
            QCOMPARE(outcome.downloads.size(), 1);
        }
        {
            // Slower than a chat's idle limit would allow, within the request's own.
            auto settings = directSettings(m_server->baseUrl(QStringLiteral("image-slow:800")));
            settings.idleTimeout = std::chrono::milliseconds(300);
            Llm::LlmClient client(settings);
            Llm::ImageRequest r = request();
            r.idleTimeout = std::chrono::seconds(5);
            QVERIFY(!runImage(client, r).error.isError());
        }
    }

    void pictureSettings()
    {
        const auto defaults = Llm::ConnectionSettings::defaults(Llm::ConnectionSettings::Role::Pictures);
        QCOMPARE(defaults.idleTimeout, std::chrono::milliseconds(180000));
        QCOMPARE(defaults.totalTimeout, std::chrono::milliseconds(300000));
        QCOMPARE(defaults.model, QStringLiteral("gpt-image-1"));
        QTemporaryDir dir;
        QSettings file(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        Llm::ConnectionSettings text = Llm::ConnectionSettings::defaults(Llm::ConnectionSettings::Role::Text);
        text.baseUrl = QUrl(QStringLiteral("https://api.deepseek.com/v1"));
        text.model = QStringLiteral("deepseek-chat");
        text.save(file);
        Llm::ConnectionSettings pictures = defaults;
        pictures.baseUrl = QUrl(QStringLiteral("https://api.siliconflow.cn/v1"));
        pictures.model = QStringLiteral("Kwai-Kolors/Kolors");
        pictures.idleTimeout = std::chrono::seconds(200);
        pictures.save(file, Llm::ConnectionSettings::Role::Pictures);
        const auto readText = Llm::ConnectionSettings::load(file);
        const auto readPictures = Llm::ConnectionSettings::load(file, Llm::ConnectionSettings::Role::Pictures);
        QCOMPARE(readText.model, QStringLiteral("deepseek-chat"));
        QCOMPARE(readText.idleTimeout, std::chrono::milliseconds(120000));
        QCOMPARE(readPictures.model, QStringLiteral("Kwai-Kolors/Kolors"));
        QCOMPARE(readPictures.baseUrl, pictures.baseUrl);
        QCOMPARE(readPictures.idleTimeout, std::chrono::milliseconds(200000));
        QCOMPARE(readPictures.totalTimeout, std::chrono::milliseconds(300000));
        QVERIFY(!file.allKeys().join(u' ').contains(QLatin1String("apiKey")));
    }

    void cancelWhileDownloading()
    {
        Llm::LlmClient client(directSettings(m_server->baseUrl(QStringLiteral("image-slow-url:10000"))));
        QElapsedTimer clock;
        clock.start();
        const ImageOutcome outcome = runImage(client, request(), [](Llm::ImageJob* job) { job->cancel(); });
        QCOMPARE(outcome.error.kind, Kind::Cancelled);
        QVERIFY(clock.elapsed() < 5000);
        QTRY_COMPARE_WITH_TIMEOUT(client.runningJobs(), 0, 5000); // the download ended too
    }

    void keyNeverInMessages()
    {
        Llm::LlmClient client(directSettings(m_server->baseUrl(QStringLiteral("echo-key"))));
        const ImageOutcome outcome = runImage(client, request());
        QCOMPARE(outcome.error.kind, Kind::Unauthorized);
        for (const QString& text : {outcome.error.message, outcome.error.hint, outcome.error.detail})
            QVERIFY2(!text.contains(QLatin1String("SECRETKEY")), qPrintable(text));
    }

    void throughRealProxies_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("scenario");
        QTest::newRow("socks5, data[].url") << int(ProxyKind::Socks5) << "image-url";
        QTest::newRow("http, data[].url") << int(ProxyKind::Http) << "image-url";
        QTest::newRow("socks5, images[].url") << int(ProxyKind::Socks5) << "image-siliconflow";
        QTest::newRow("http, b64_json") << int(ProxyKind::Http) << "ok";
    }
    void throughRealProxies()
    {
        QFETCH(int, kind);
        QFETCH(QString, scenario);
        STORYBOOK_REQUIRE_TOOL(ProxyLauncher::toolAvailable(ProxyKind(kind)), ProxyLauncher::toolName(ProxyKind(kind)));
        ProxyLauncher proxy;
        QVERIFY2(proxy.start(ProxyKind(kind)), qPrintable(proxy.errorString()));
        Llm::ConnectionSettings s = directSettings(m_server->baseUrl(scenario));
        s.proxy.mode = ProxyKind(kind) == ProxyKind::Http ? Llm::ProxySettings::Mode::Http : Llm::ProxySettings::Mode::Socks5;
        s.proxy.host = QStringLiteral("127.0.0.1");
        s.proxy.port = proxy.port();
        s.proxy.bypass.clear(); // the fake server is on loopback: proxy it anyway
        Llm::LlmClient client(s);
        const ImageOutcome outcome = runImage(client, request(scenario == QLatin1String("image-siliconflow")
                                                                  ? QStringLiteral("Kwai-Kolors/Kolors")
                                                                  : QStringLiteral("gpt-image-1")));
        QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.message + u' ' + outcome.error.detail + u'\n' + proxy.log()));
        QVERIFY(!outcome.result.bytes.isEmpty());
        QVERIFY(!m_server->requests().isEmpty());
        for (const RecordedRequest& r : m_server->requests())
            QCOMPARE(r.peer, QHostAddress(QStringLiteral("127.0.0.2"))); // the POST and the address's GET
        QCOMPARE(requestsTo(*m_server, "/files/").size(), scenario == QLatin1String("ok") ? 0 : 1);
    }
};

QTEST_MAIN(TestImageJob)
#include "tst_imagejob.moc"
