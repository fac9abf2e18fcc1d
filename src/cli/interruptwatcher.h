#pragma once

#include <QObject>

class QSocketNotifier;

namespace Storybook::Cli {

// Turns SIGINT/SIGTERM into a Qt signal delivered on the event loop (self-pipe on Unix).
class InterruptWatcher final : public QObject
{
    Q_OBJECT

public:
    explicit InterruptWatcher(QObject* parent = nullptr);
    ~InterruptWatcher() override;
    Q_DISABLE_COPY_MOVE(InterruptWatcher)

Q_SIGNALS:
    void interrupted();

private:
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace Storybook::Cli
