// The main window's banners: one friendly sentence with the technical words behind "Details", a
// button that fits the cause, several banners at once, each cleared when its cause is gone.
#include "errorbanner.h"
#include "errortexts.h"
#include "findchild.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace Storybook;
using App::ErrorBanner;
using Cause = ErrorBanner::Cause;
using Kind = Llm::LlmError::Kind;

namespace {

// The banner entries, top first.
QList<QFrame*> entries(ErrorBanner& banner)
{
    QList<QFrame*> result;
    for (QFrame* frame : banner.findChildren<QFrame*>(QStringLiteral("bannerEntry"), Qt::FindDirectChildrenOnly)) {
        if (!frame->isHidden())
            result.append(frame);
    }
    std::sort(result.begin(), result.end(), [](QFrame* a, QFrame* b) { return a->y() < b->y(); });
    return result;
}

QList<int> ints(const QList<Cause>& causes)
{
    QList<int> result;
    for (Cause cause : causes)
        result.append(int(cause));
    return result;
}

QPushButton* fixButton(QFrame* entry)
{
    return Test::child<QPushButton>(entry, "bannerFixButton");
}

} // namespace

class TestErrorBanner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void friendlySentenceWithDetails();
    void actionFitsTheError_data();
    void actionFitsTheError();
    void speechProblemOffersNothingNetworkRelated();
    void bannersStack();
    void eachClearsWhenItsCauseIsGone();
    void dismissKeepsLastingBanners();
    void oldApiStillWorks();
    void keychainAndSetupBanners();
    void modelTextIsShownAsText();
};

void TestErrorBanner::friendlySentenceWithDetails()
{
    QWidget window;
    auto* banner = new ErrorBanner(&window);
    window.show();
    const Llm::LlmError error = Llm::makeError(Kind::Unauthorized, QStringLiteral("api.deepseek.com:443"),
                                               QStringLiteral("Authentication Fails (invalid_request_error)"));
    banner->showLlmError(Cause::Writing, error, true);
    QVERIFY(banner->isVisible());
    QCOMPARE(entries(*banner).size(), 1);
    QFrame* entry = entries(*banner).first();
    auto* summary = Test::child<QLabel>(entry, "bannerSummary");
    auto* details = Test::child<QLabel>(entry, "bannerDetails");
    auto* more = Test::child<QToolButton>(entry, "bannerDetailsButton");
    QCOMPARE(summary->text(), QStringLiteral("The story writer did not accept the API key."));
    QVERIFY(!summary->text().contains(QLatin1String("443"))); // no technical words in the sentence
    QVERIFY(!details->isVisible());
    QVERIFY(more->isVisible());
    QTest::mouseClick(more, Qt::LeftButton);
    QVERIFY(details->isVisible());
    QVERIFY(details->text().contains(QLatin1String("api.deepseek.com:443")));
    QVERIFY(details->text().contains(error.hint));
    QTest::mouseClick(more, Qt::LeftButton);
    QVERIFY(!details->isVisible());
    QCOMPARE(banner->message(), summary->text());
}

void TestErrorBanner::actionFitsTheError_data()
{
    QTest::addColumn<int>("cause");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("button");
    QTest::addColumn<QByteArray>("signal");
    QTest::newRow("key refused") << int(Cause::Writing) << int(Kind::Unauthorized) << u"Provider settings"_qs
                                 << QByteArray(SIGNAL(providerSettingsRequested()));
    QTest::newRow("unknown model") << int(Cause::Writing) << int(Kind::ModelNotFound) << u"Provider settings"_qs
                                   << QByteArray(SIGNAL(providerSettingsRequested()));
    QTest::newRow("picture key refused") << int(Cause::Pictures) << int(Kind::Unauthorized) << u"Picture settings"_qs
                                         << QByteArray(SIGNAL(pictureSettingsRequested()));
    QTest::newRow("host not found") << int(Cause::Writing) << int(Kind::HostNotFound) << u"Network diagnostics"_qs
                                    << QByteArray(SIGNAL(diagnosticsRequested()));
    QTest::newRow("proxy down") << int(Cause::Writing) << int(Kind::ProxyUnreachable) << u"Network diagnostics"_qs
                                << QByteArray(SIGNAL(diagnosticsRequested()));
    QTest::newRow("silence timeout") << int(Cause::Writing) << int(Kind::IdleTimeout) << u"Network diagnostics"_qs
                                     << QByteArray(SIGNAL(diagnosticsRequested()));
    QTest::newRow("safety refusal") << int(Cause::Writing) << int(Kind::ContentRefused) << QString() << QByteArray();
    QTest::newRow("server trouble") << int(Cause::Writing) << int(Kind::ServerError) << QString() << QByteArray();
}

void TestErrorBanner::actionFitsTheError()
{
    QFETCH(int, cause);
    QFETCH(int, kind);
    QFETCH(QString, button);
    QFETCH(QByteArray, signal);
    QWidget window;
    auto* banner = new ErrorBanner(&window);
    window.show();
    banner->showLlmError(Cause(cause), Llm::makeError(Kind(kind), QStringLiteral("api.example:443"), QStringLiteral("x")), true);
    QPushButton* fix = fixButton(entries(*banner).first());
    if (button.isEmpty()) {
        QVERIFY(fix->isHidden());
        return;
    }
    QVERIFY(fix->isVisible());
    QCOMPARE(fix->text(), button);
    QSignalSpy spy(banner, signal.constData());
    QTest::mouseClick(fix, Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
}

void TestErrorBanner::speechProblemOffersNothingNetworkRelated()
{
    QWidget window;
    auto* banner = new ErrorBanner(&window);
    window.show();
    banner->report({Cause::Speech, QStringLiteral("Reading aloud is not available."), QStringLiteral("speech-dispatcher: no module"),
                    ErrorBanner::Fix::None, false, QString()});
    QFrame* entry = entries(*banner).first();
    for (QPushButton* button : entry->findChildren<QPushButton*>()) {
        if (button->isHidden())
            continue;
        QVERIFY2(!button->text().contains(QLatin1String("iagnos")) && !button->text().contains(QLatin1String("etwork"))
                     && !button->text().contains(QLatin1String("Retry")),
                 qPrintable(button->text()));
    }
    QVERIFY(Test::child<QPushButton>(entry, "bannerRetryButton")->isHidden());
}

void TestErrorBanner::bannersStack()
{
    QWidget window;
    auto* banner = new ErrorBanner(&window);
    window.show();
    banner->report({Cause::Keychain, QStringLiteral("No keychain."), QString(), ErrorBanner::Fix::None, false, QString()});
    banner->showLlmError(Cause::Writing, Llm::makeError(Kind::HostNotFound, QStringLiteral("api.openai.com")), true);
    banner->report({Cause::Speech, QStringLiteral("No voice."), QString(), ErrorBanner::Fix::None, false, QString()});
    QCOMPARE(entries(*banner).size(), 3);
    QCOMPARE(ints(banner->causes()), ints({Cause::Speech, Cause::Writing, Cause::Keychain}));
    // A lasting note reported later stays below the problems: the newest problem is read first.
    banner->reportNoKeychain(QStringLiteral("no Secret Service"));
    QCOMPARE(ints(banner->causes()), ints({Cause::Speech, Cause::Writing, Cause::Keychain}));
    QCOMPARE(banner->message(), QStringLiteral("No voice."));
    // The same cause again replaces its banner rather than adding one.
    banner->showLlmError(Cause::Writing, Llm::makeError(Kind::Unauthorized, QStringLiteral("api.openai.com"), QStringLiteral("no")), true);
    QCOMPARE(entries(*banner).size(), 3);
    QCOMPARE(int(banner->causes().first()), int(Cause::Writing));
    QCOMPARE(banner->message(), QStringLiteral("The story writer did not accept the API key."));
}

void TestErrorBanner::eachClearsWhenItsCauseIsGone()
{
    QWidget window;
    auto* banner = new ErrorBanner(&window);
    window.show();
    banner->showLlmError(Cause::Writing, Llm::makeError(Kind::ConnectTimeout, QStringLiteral("api.openai.com"), QStringLiteral("30")), true);
    banner->showLlmError(Cause::Pictures, Llm::makeError(Kind::OutOfCredit, QStringLiteral("api.openai.com"), QStringLiteral("no")), true);
    QCOMPARE(entries(*banner).size(), 2);
    // A page written successfully: the network banner goes, the picture one stays.
    banner->clear(Cause::Writing);
    QTRY_COMPARE(entries(*banner).size(), 1);
    QVERIFY(!banner->has(Cause::Writing));
    QVERIFY(banner->has(Cause::Pictures));
    QVERIFY(banner->isVisible());
    banner->clear(Cause::Pictures);
    QVERIFY(!banner->isVisible());
    // Closing one with × leaves the others.
    banner->report({Cause::Speech, QStringLiteral("No voice."), QString(), ErrorBanner::Fix::None, false, QString()});
    banner->report({Cause::Library, QStringLiteral("Disk full."), QString(), ErrorBanner::Fix::None, false, QString()});
    QTest::mouseClick(Test::child<QToolButton>(entries(*banner).first(), "bannerCloseButton"), Qt::LeftButton);
    QCOMPARE(ints(banner->causes()), ints({Cause::Speech}));
}

void TestErrorBanner::dismissKeepsLastingBanners()
{
    ErrorBanner banner;
    banner.report({Cause::Keychain, QStringLiteral("No keychain."), QString(), ErrorBanner::Fix::None, false, QString()});
    banner.report({Cause::Setup, QStringLiteral("Connect."), QString(), ErrorBanner::Fix::ConnectWriter, false, QString()});
    banner.showNotice(QStringLiteral("Please write a story idea first."), QString());
    banner.dismiss();
    QCOMPARE(ints(banner.causes()), ints({Cause::Setup, Cause::Keychain}));
}

void TestErrorBanner::oldApiStillWorks()
{
    QWidget window;
    auto* banner = new ErrorBanner(&window);
    window.show();
    banner->showNotice(QStringLiteral("“Owl” was moved to the trash."), QStringLiteral("Undo"));
    QPushButton* undo = fixButton(entries(*banner).first());
    QCOMPARE(undo->text(), QStringLiteral("Undo"));
    QSignalSpy action(banner, &ErrorBanner::actionRequested);
    QTest::mouseClick(undo, Qt::LeftButton);
    QCOMPARE(action.count(), 1);
    QVERIFY(!banner->isVisible());

    banner->showError(QStringLiteral("The library folder cannot be written."), QStringLiteral("Check the disk."), true);
    QSignalSpy retry(banner, &ErrorBanner::retryRequested);
    QTest::mouseClick(Test::child<QPushButton>(entries(*banner).first(), "bannerRetryButton"), Qt::LeftButton);
    QCOMPARE(retry.count(), 1);
    QVERIFY(!banner->isVisible());
}

void TestErrorBanner::keychainAndSetupBanners()
{
    QWidget window;
    auto* banner = new ErrorBanner(&window);
    window.show();
    banner->reportNoKeychain(QStringLiteral("The keychain is not available (no Secret Service)."));
    QFrame* keychain = entries(*banner).first();
    QVERIFY(Test::child<QLabel>(keychain, "bannerSummary")->text().contains(QLatin1String("keychain")));
    QCOMPARE(Test::child<QLabel>(keychain, "bannerDetails")->text(), QStringLiteral("The keychain is not available (no Secret Service)."));
    QVERIFY(fixButton(keychain)->isHidden());

    banner->offerSetup();
    QPushButton* connectButton = fixButton(entries(*banner).first());
    QVERIFY(connectButton->isVisible());
    QSignalSpy connectRequested(banner, &ErrorBanner::connectRequested);
    QTest::mouseClick(connectButton, Qt::LeftButton);
    QCOMPARE(connectRequested.count(), 1);
    QVERIFY(!banner->has(Cause::Setup));
    QVERIFY(banner->has(Cause::Keychain));

    banner->offerKey(QStringLiteral("api.deepseek.com"));
    QCOMPARE(banner->message(), QStringLiteral("api.deepseek.com needs an API key before it can write stories."));
    QVERIFY(fixButton(entries(*banner).first())->isVisible());
}

void TestErrorBanner::modelTextIsShownAsText()
{
    ErrorBanner banner;
    banner.showError(QStringLiteral("<b>bold</b>"), QStringLiteral("<a href=x>link</a>"), false);
    for (QLabel* label : banner.findChildren<QLabel*>())
        QCOMPARE(label->textFormat(), Qt::PlainText);
}

QTEST_MAIN(TestErrorBanner)
#include "tst_errorbanner.moc"
