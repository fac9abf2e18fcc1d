// secretstore-probe: one SecretStore in a process of its own, for tst_secretstore. The keychain
// backend QtKeychain picks is fixed for the life of a process, so each world (no session bus, a bus
// without a Secret Service, a Secret Service that never answers, a real gnome-keyring) gets its own
// processes, started by the test with the environment of that world.
//
//   secretstore-probe write KEY VALUE        write, wait for the answer, then quit as the app does
//   secretstore-probe read KEY               read in a fresh process: what the keychain really has
//   secretstore-probe quit-reading KEY       read, then the store's owner goes while the read is pending
//   secretstore-probe quit-writing KEY VALUE write, and the owner goes at once, before any answer
//   secretstore-probe quit-dialog            a settings dialog reading both secrets, closed and gone
//                                            with its store while the reads are pending
// Options: --marker FILE  before the owner goes, run events until FILE exists (the test's sign
//                         that the request reached the Secret Service); --timeout MS the store's
//                         keychain timeout; --wait-writes MS the bound of the quit-time wait.
//
// Lines on stdout (the test reads them): "pending N" (jobs running when the owner went),
// "owner-gone", "late-answer" (a callback ran after the owner was gone: a bug), "jobs-finished"
// (every job, late answers included, has finished), "written ERROR", "value VALUE",
// "persistent yes|no", "writes-finished yes|no". Exit code 0, or 2 when something took too long.
#include "secretstore.h"
#include "settingsdialog.h"

#include <QApplication>
#include <QFile>
#include <QPointer>
#include <QTest>

#include <cstdio>

using Storybook::SettingsUi::SecretStore;
using Storybook::SettingsUi::SettingsDialog;

namespace {

constexpr int kAnswerTimeoutMs = 30000;

void say(const QString& line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

QString option(const QStringList& args, const QString& name, const QString& fallback = {})
{
    const int at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
}

// Runs events until the request is out: the job has started (one turn: QtKeychain starts it from a
// queued call) and, with --marker, the Secret Service has been asked.
bool waitUntilRequested(const QString& marker)
{
    QCoreApplication::processEvents();
    if (marker.isEmpty())
        return true;
    return QTest::qWaitFor([&] { return QFile::exists(marker); }, kAnswerTimeoutMs);
}

// After the owner is gone: every job ends (a late answer arrives and reaches nobody).
bool waitForJobs()
{
    const bool done = QTest::qWaitFor([] { return SecretStore::pendingJobs() == 0; }, kAnswerTimeoutMs);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // the finished jobs
    if (done)
        say(QStringLiteral("jobs-finished"));
    return done;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("InteractiveStorybook"));
    QCoreApplication::setApplicationName(QStringLiteral("storybook-probe"));
    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty())
        return 64;
    const QString command = args.at(0);
    const QString marker = option(args, QStringLiteral("--marker"));
    const int timeoutMs = option(args, QStringLiteral("--timeout"), QStringLiteral("10000")).toInt();
    const int waitWritesMs = option(args, QStringLiteral("--wait-writes"), QStringLiteral("5000")).toInt();

    // The owner stands for the main window: the store is its child, as in the app.
    auto owner = std::make_unique<QObject>();
    QPointer<SecretStore> store = new SecretStore(owner.get());
    store->setTimeout(timeoutMs);
    auto ownerGone = std::make_shared<bool>(false);
    const auto dropOwner = [&] {
        say(QStringLiteral("pending %1").arg(SecretStore::pendingJobs()));
        *ownerGone = true;
        owner.reset();
        say(QStringLiteral("owner-gone"));
    };
    const auto persistent = [&] { say(QStringLiteral("persistent ") + (store->isPersistent() ? u"yes" : u"no")); };

    if (command == QLatin1String("write") && args.size() >= 3) {
        bool done = false;
        store->write(args.at(1), args.at(2), [&](const QString& error) {
            say(QStringLiteral("written ") + error);
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, kAnswerTimeoutMs))
            return 2;
        persistent();
        owner.reset(); // as main() does: the window goes, then the pending writes are waited for
        say(QStringLiteral("writes-finished ")
            + (SecretStore::finishPendingWrites(std::chrono::milliseconds(waitWritesMs)) ? u"yes" : u"no"));
        return 0;
    }
    if (command == QLatin1String("read") && args.size() >= 2) {
        bool done = false;
        store->read(args.at(1), [&](const QString& value, const QString& error) {
            say(QStringLiteral("value ") + value);
            if (!error.isEmpty())
                say(QStringLiteral("error ") + error);
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, kAnswerTimeoutMs))
            return 2;
        persistent();
        return 0;
    }
    if (command == QLatin1String("quit-reading") && args.size() >= 2) {
        store->read(args.at(1), [ownerGone](const QString&, const QString&) {
            say(*ownerGone ? QStringLiteral("late-answer") : QStringLiteral("answered"));
        });
        if (!waitUntilRequested(marker))
            return 2;
        dropOwner();
        return waitForJobs() ? 0 : 2;
    }
    if (command == QLatin1String("quit-writing") && args.size() >= 3) {
        store->write(args.at(1), args.at(2), [ownerGone](const QString&) {
            say(*ownerGone ? QStringLiteral("late-answer") : QStringLiteral("answered"));
        });
        dropOwner(); // the same turn: OK in the settings, then the window closed at once
        say(QStringLiteral("writes-finished ")
            + (SecretStore::finishPendingWrites(std::chrono::milliseconds(waitWritesMs)) ? u"yes" : u"no"));
        return 0;
    }
    if (command == QLatin1String("quit-dialog")) {
        auto* dialog = new SettingsDialog({}, {}, store, nullptr); // reads the key and the password
        dialog->show();
        if (!waitUntilRequested(marker))
            return 2;
        dialog->reject();
        delete dialog;
        dropOwner();
        return waitForJobs() ? 0 : 2;
    }
    return 64;
}
