#include "diagnosticspage.h"

#include "formhelpers.h"
#include "llmclient.h"
#include "logsink.h"

#include "ui_diagnosticspage.h"

#include <QClipboard>
#include <QDir>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTimer>

namespace Storybook::SettingsUi {

namespace {

using Status = Llm::DiagnosticStage::Status;
using Form::Tone;

const QString SpinnerFrames = QStringLiteral("◐◓◑◒");

// QTreeView asks a delegate for row heights without the column width, so word-wrapped text would be
// cut off; this delegate measures the text at the column's real width.
class WrappingDelegate final : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeView* view)
        : QStyledItemDelegate(view)
        , m_view(view)
    {
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        // Only the last (stretching) column wraps; the others are sized to their contents.
        if (index.column() != m_view->header()->count() - 1)
            return QStyledItemDelegate::sizeHint(option, index);
        QStyleOptionViewItem measured = option;
        measured.rect = QRect(0, 0, m_view->columnWidth(index.column()), 1); // valid, so the style wraps
        return QStyledItemDelegate::sizeHint(measured, index);
    }

private:
    QTreeView* m_view;
};

} // namespace

DiagnosticsPage::DiagnosticsPage(SettingsSource settings, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::DiagnosticsPage>())
    , m_settings(std::move(settings))
{
    m_ui->setupUi(this);
    Form::keepMessageRowsVisible(this);
    QHeaderView* header = m_ui->stagesTree->header();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(0, QHeaderView::Fixed);
    header->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    header->resizeSection(0, fontMetrics().horizontalAdvance(QStringLiteral("MM")) + 8);
    m_ui->stagesTree->headerItem()->setData(0, Qt::AccessibleTextRole, tr("Result"));
    m_ui->stagesTree->setTextElideMode(Qt::ElideNone);
    m_ui->stagesTree->setItemDelegate(new WrappingDelegate(m_ui->stagesTree));
    connect(header, &QHeaderView::sectionResized, this, &DiagnosticsPage::relayoutStages, Qt::QueuedConnection);
    m_ui->stagesTree->setVisible(false);
    m_ui->copyReportButton->setEnabled(false);
    m_ui->verdictLabel->setText(tr("Press “Run checks” to test the connection."));
    m_ui->hintLabel->setVisible(false);
    m_ui->logView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    QFont verdictFont = m_ui->verdictLabel->font();
    verdictFont.setBold(true);
    m_ui->verdictLabel->setFont(verdictFont);

    m_spinner = new QTimer(this);
    m_spinner->setInterval(150);
    connect(m_spinner, &QTimer::timeout, this, &DiagnosticsPage::spinRunningStages);
    connect(m_ui->runChecksButton, &QPushButton::clicked, this, [this] {
        if (isRunning())
            cancel();
        else
            run();
    });
    connect(m_ui->copyReportButton, &QPushButton::clicked, this, &DiagnosticsPage::copyReport);
}

DiagnosticsPage::~DiagnosticsPage()
{
    cancel();
}

void DiagnosticsPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refreshLog();
}

bool DiagnosticsPage::isRunning() const
{
    return m_diagnostics && m_diagnostics->isRunning();
}

void DiagnosticsPage::run()
{
    cancel();
    m_report.reset();
    m_ui->copyReportButton->setEnabled(false);
    m_ui->copyStatusLabel->clear();
    m_ui->hintLabel->setVisible(false);

    m_checkClient = new Llm::LlmClient(m_settings(), this);
    m_diagnostics = new Llm::Diagnostics(m_checkClient, this);
    connect(m_diagnostics, &Llm::Diagnostics::stageChanged, this, &DiagnosticsPage::showStage);
    connect(m_diagnostics, &Llm::Diagnostics::finished, this, [this](const Llm::DiagnosticsReport& report) {
        m_report = report;
        m_spinner->stop();
        m_ui->runChecksButton->setText(tr("R&un checks again"));
        m_ui->copyReportButton->setEnabled(true);
        showVerdict(report);
        refreshLog();
        Q_EMIT finished(report);
    });
    m_diagnostics->start();

    m_ui->stagesTree->clear();
    m_stageItems.clear();
    const QList<Llm::DiagnosticStage> stages = m_diagnostics->report().stages;
    for (int i = 0; i < stages.size(); ++i) {
        m_stageItems.append(new QTreeWidgetItem(m_ui->stagesTree));
        showStage(i, stages[i]);
    }
    m_ui->stagesTree->setVisible(true);
    m_ui->runChecksButton->setText(tr("&Stop checks"));
    m_ui->verdictLabel->setText(tr("Checking…"));
    Form::setTone(m_ui->verdictLabel, Tone::Normal);
    m_spinner->start();
}

void DiagnosticsPage::cancel()
{
    const bool wasRunning = isRunning();
    if (m_diagnostics) {
        disconnect(m_diagnostics, nullptr, this, nullptr);
        m_diagnostics->cancel();
        m_diagnostics->deleteLater();
    }
    m_diagnostics = nullptr;
    if (m_checkClient) {
        m_checkClient->cancelAll();
        m_checkClient->deleteLater();
    }
    m_checkClient = nullptr;
    if (m_spinner)
        m_spinner->stop();
    if (!wasRunning)
        return;
    for (QTreeWidgetItem* item : std::as_const(m_stageItems)) {
        if (item->data(0, Qt::UserRole).toInt() == int(Status::Running)
            || item->data(0, Qt::UserRole).toInt() == int(Status::Pending)) {
            item->setText(0, QStringLiteral("–"));
            item->setData(0, Qt::AccessibleTextRole, tr("stopped"));
            item->setText(3, tr("Stopped."));
        }
    }
    m_ui->verdictLabel->setText(tr("The checks were stopped."));
    m_ui->runChecksButton->setText(tr("R&un checks"));
}

void DiagnosticsPage::showStage(int index, const Llm::DiagnosticStage& stage)
{
    if (index < 0)
        return;
    while (m_stageItems.size() <= index)
        m_stageItems.append(new QTreeWidgetItem(m_ui->stagesTree));
    QTreeWidgetItem* item = m_stageItems[index];
    const QPalette palette = m_ui->stagesTree->palette();
    QString glyph;
    QString state;
    Tone tone = Tone::Quiet;
    QString detail = stage.detail;
    switch (stage.status) {
    case Status::Pending:
        glyph = QStringLiteral("·");
        state = tr("waiting");
        break;
    case Status::Running:
        glyph = SpinnerFrames.at(m_spinFrame % SpinnerFrames.size());
        state = tr("running");
        tone = Tone::Normal;
        detail = tr("Checking…");
        break;
    case Status::Ok:
        glyph = QStringLiteral("✓");
        state = tr("passed");
        tone = Tone::Good;
        break;
    case Status::Failed:
        glyph = QStringLiteral("✗");
        state = tr("failed");
        tone = Tone::Warning;
        break;
    case Status::Skipped:
        glyph = QStringLiteral("–");
        state = tr("skipped");
        break;
    }
    const bool timed = stage.status == Status::Ok || stage.status == Status::Failed;
    item->setData(0, Qt::UserRole, int(stage.status));
    item->setText(0, glyph);
    item->setData(0, Qt::AccessibleTextRole, state);
    item->setTextAlignment(0, Qt::AlignCenter);
    item->setForeground(0, Form::toneColor(palette, tone));
    item->setText(1, stage.title);
    item->setText(2, timed ? tr("%1 ms").arg(stage.ms) : QString());
    item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    item->setText(3, detail);
    item->setToolTip(3, Form::plainToolTip(detail));
    if (stage.status == Status::Failed)
        item->setForeground(3, Form::toneColor(palette, Tone::Warning));
    else
        item->setForeground(3, palette.color(QPalette::Text));
    QMetaObject::invokeMethod(this, &DiagnosticsPage::relayoutStages, Qt::QueuedConnection);
}

void DiagnosticsPage::relayoutStages()
{
    // Row heights depend on the wrapped details, which depend on the column widths.
    m_ui->stagesTree->doItemsLayout();
}

void DiagnosticsPage::spinRunningStages()
{
    ++m_spinFrame;
    for (QTreeWidgetItem* item : std::as_const(m_stageItems)) {
        if (item->data(0, Qt::UserRole).toInt() == int(Status::Running))
            item->setText(0, SpinnerFrames.at(m_spinFrame % SpinnerFrames.size()));
    }
}

void DiagnosticsPage::showVerdict(const Llm::DiagnosticsReport& report)
{
    m_ui->verdictLabel->setText((report.ok ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + report.verdict);
    Form::setTone(m_ui->verdictLabel, report.ok ? Tone::Good : Tone::Warning);
    m_ui->hintLabel->setText(report.hint.isEmpty() ? QString() : tr("What to do: %1").arg(report.hint));
    m_ui->hintLabel->setVisible(!report.hint.isEmpty());
}

void DiagnosticsPage::copyReport()
{
    if (!m_report)
        return;
    QGuiApplication::clipboard()->setText(m_report->toText());
    m_ui->copyStatusLabel->setText(tr("Copied. Paste it into a message to whoever helps you."));
}

void DiagnosticsPage::refreshLog()
{
    const QString path = LogSink::defaultFilePath();
    const QString text = LogSink::tail(path);
    if (text.isEmpty()) {
        m_ui->logView->setPlainText(QString());
        m_ui->logView->setPlaceholderText(tr("Nothing has been logged yet. The log is kept in %1").arg(QDir::toNativeSeparators(path)));
        return;
    }
    m_ui->logView->setPlainText(text);
    m_ui->logView->verticalScrollBar()->setValue(m_ui->logView->verticalScrollBar()->maximum());
}

} // namespace Storybook::SettingsUi
