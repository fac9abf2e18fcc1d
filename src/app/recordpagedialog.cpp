#include "recordpagedialog.h"

#include "recorder.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QAudioSink>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMediaDevices>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QShortcut>
#include <QTimer>
#include <QVBoxLayout>

#include <span>

namespace Storybook::App {

namespace {

QString clockText(qint64 ms)
{
    const qint64 seconds = ms / 1000;
    return QStringLiteral("%1:%2.%3")
        .arg(seconds / 60)
        .arg(seconds % 60, 2, 10, QLatin1Char('0'))
        .arg((ms % 1000) / 100);
}

} // namespace

RecordPageDialog::RecordPageDialog(const QString& pageId, const QStringList& parts, StoreFunction store, QWidget* parent)
    : QDialog(parent)
    , m_pageId(pageId)
    , m_parts(parts)
    , m_store(std::move(store))
    , m_recorder(std::make_unique<Speech::Recorder>())
{
    m_takes.resize(m_parts.size());
    buildUi();
    connect(m_recorder.get(), &Speech::Recorder::levelChanged, this,
            [this](double level) { m_meter->setValue(int(level * 100)); });
    connect(m_recorder.get(), &Speech::Recorder::failed, this, [this](const Speech::Recorder::Error& error) {
        showMessage(error.message);
        stopRecording();
    });
    retranslateUi();
    updateList();
    updateUi();
}

RecordPageDialog::~RecordPageDialog()
{
    // The recorder and the player stop before the widgets they report to go.
    m_clock->stop();
    m_recorder->disconnect(this);
    m_recorder.reset();
    stopPlaying();
}

void RecordPageDialog::buildUi()
{
    setObjectName(QStringLiteral("recordPageDialog"));
    auto* layout = new QVBoxLayout(this);

    auto* top = new QHBoxLayout;
    m_nameLabel = new QLabel(this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("readerName"));
    m_name->setMaxLength(60);
    m_nameLabel->setBuddy(m_name);
    m_bySentence = new QRadioButton(this);
    m_bySentence->setObjectName(QStringLiteral("bySentence"));
    m_bySentence->setChecked(true);
    m_byPage = new QRadioButton(this);
    m_byPage->setObjectName(QStringLiteral("wholePage"));
    connect(m_byPage, &QRadioButton::toggled, this, [this](bool on) { setWholePageMode(on); });
    top->addWidget(m_nameLabel);
    top->addWidget(m_name, 1);
    top->addSpacing(16);
    top->addWidget(m_bySentence);
    top->addWidget(m_byPage);
    layout->addLayout(top);

    auto* middle = new QHBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("partList"));
    m_list->setMaximumWidth(300);
    m_list->setWordWrap(true);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row != m_index)
            setCurrentPart(row);
    });
    middle->addWidget(m_list);

    auto* right = new QVBoxLayout;
    m_partTitle = new QLabel(this);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("partText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setMinimumHeight(160);
    QFont big = m_text->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    m_text->setFont(big);
    right->addWidget(m_partTitle);
    right->addWidget(m_text, 1);

    auto* meterRow = new QHBoxLayout;
    m_meter = new QProgressBar(this);
    m_meter->setObjectName(QStringLiteral("levelMeter"));
    m_meter->setRange(0, 100);
    m_meter->setTextVisible(false);
    m_time = new QLabel(clockText(0), this);
    m_time->setObjectName(QStringLiteral("recordTime"));
    meterRow->addWidget(m_meter, 1);
    meterRow->addWidget(m_time);
    right->addLayout(meterRow);

    auto* buttons = new QHBoxLayout;
    m_back = new QPushButton(this);
    m_record = new QPushButton(this);
    m_record->setObjectName(QStringLiteral("recordButton"));
    m_listen = new QPushButton(this);
    m_listen->setObjectName(QStringLiteral("listenButton"));
    m_redo = new QPushButton(this);
    m_redo->setObjectName(QStringLiteral("redoButton"));
    m_next = new QPushButton(this);
    for (QPushButton* button : {m_back, m_record, m_listen, m_redo, m_next}) {
        button->setAutoDefault(false);
        buttons->addWidget(button);
    }
    connect(m_back, &QPushButton::clicked, this, [this] { setCurrentPart(m_index - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { setCurrentPart(m_index + 1); });
    connect(m_record, &QPushButton::clicked, this, &RecordPageDialog::toggleRecording);
    connect(m_listen, &QPushButton::clicked, this, &RecordPageDialog::listen);
    connect(m_redo, &QPushButton::clicked, this, &RecordPageDialog::redo);
    right->addLayout(buttons);
    middle->addLayout(right, 1);
    layout->addLayout(middle, 1);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("recordMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    layout->addWidget(m_message);

    auto* box = new QDialogButtonBox(this);
    m_keep = box->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_keep->setObjectName(QStringLiteral("keepButton"));
    m_cancel = box->addButton(QDialogButtonBox::Cancel);
    connect(m_keep, &QPushButton::clicked, this, &RecordPageDialog::keep);
    connect(m_cancel, &QPushButton::clicked, this, &RecordPageDialog::reject);
    layout->addWidget(box);

    // Space starts and stops recording wherever the focus is, except while typing the name.
    auto* space = new QShortcut(QKeySequence(Qt::Key_Space), this);
    connect(space, &QShortcut::activated, this, &RecordPageDialog::toggleRecording);

    m_clock = new QTimer(this);
    m_clock->setInterval(100);
    connect(m_clock, &QTimer::timeout, this, [this] { m_time->setText(clockText(m_recorder->elapsedMs())); });
    resize(880, 520);
    m_record->setFocus(); // Space records from the start; the name is a click or Alt+W away
}

void RecordPageDialog::retranslateUi()
{
    setWindowTitle(tr("Record this page"));
    m_nameLabel->setText(tr("&Who is reading?"));
    m_name->setPlaceholderText(tr("e.g. Grandma"));
    m_bySentence->setText(tr("One &sentence at a time"));
    m_byPage->setText(tr("The whole &page at once"));
    m_back->setText(tr("&Back"));
    m_listen->setText(tr("&Listen"));
    m_redo->setText(tr("Re&do"));
    m_next->setText(tr("&Next"));
    m_keep->setText(tr("&Keep"));
    m_record->setToolTip(tr("Space starts and stops recording"));
    m_list->setAccessibleName(tr("Parts of the page"));
    m_meter->setAccessibleName(tr("Microphone level"));
    updateList();
    updateUi();
}

void RecordPageDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void RecordPageDialog::setReaderName(const QString& name)
{
    m_name->setText(name);
}

QString RecordPageDialog::readerName() const
{
    return m_name->text().trimmed();
}

void RecordPageDialog::setCurrentPart(int index)
{
    if (index < 0 || index >= m_parts.size() || isRecording())
        return;
    stopPlaying();
    m_index = index;
    updateUi();
}

bool RecordPageDialog::hasTake(int index) const
{
    return index >= 0 && index < m_takes.size() && !m_takes.at(index).pcm.isEmpty();
}

int RecordPageDialog::takeCount() const
{
    return int(std::count_if(m_takes.cbegin(), m_takes.cend(), [](const Take& take) { return !take.pcm.isEmpty(); }));
}

bool RecordPageDialog::isRecording() const
{
    return m_recorder && m_recorder->isRecording();
}

void RecordPageDialog::setWholePageMode(bool whole)
{
    if (isRecording() || whole == m_wholePage)
        return;
    stopPlaying();
    m_wholePage = whole;
    m_byPage->setChecked(whole);
    m_bySentence->setChecked(!whole);
    showMessage(QString());
    updateUi();
}

void RecordPageDialog::toggleRecording()
{
    if (isRecording())
        stopRecording();
    else
        startRecording();
}

void RecordPageDialog::redo()
{
    if (isRecording() || m_wholePage || !hasTake(m_index))
        return;
    m_takes[m_index] = {};
    updateList();
    startRecording();
}

void RecordPageDialog::startRecording()
{
    if (m_parts.isEmpty())
        return;
    stopPlaying();
    showMessage(QString());
    const Speech::Recorder::Error error = m_recorder->start();
    if (error.problem != Speech::Recorder::Problem::None) {
        showMessage(error.message);
        return;
    }
    m_clock->start();
    updateUi();
}

void RecordPageDialog::stopRecording()
{
    m_clock->stop();
    if (!m_recorder->isRecording() && m_recorder->pcm().isEmpty()) {
        updateUi();
        return;
    }
    m_recorder->stop();
    m_time->setText(clockText(m_recorder->elapsedMs()));
    if (m_recorder->pcm().isEmpty()) {
        showMessage(tr("Nothing was heard. Is the microphone switched on?"));
    } else if (m_wholePage) {
        takeWholePage();
    } else {
        m_takes[m_index] = {m_recorder->pcm(), m_recorder->format()};
        m_recorder->clear();
        // On to the next part still to read, so Space, read, Space goes through the page.
        for (int next = m_index + 1; next < m_parts.size(); ++next) {
            if (!hasTake(next)) {
                m_index = next;
                break;
            }
        }
    }
    updateList();
    updateUi();
}

void RecordPageDialog::takeWholePage()
{
    const QByteArray pcm = m_recorder->pcm();
    const Speech::PcmFormat format = m_recorder->format();
    m_recorder->clear();
    const std::span<const qint16> samples(reinterpret_cast<const qint16*>(pcm.constData()), size_t(pcm.size() / 2));
    const Speech::PauseSplit split = Speech::splitByPauses(samples, format, int(m_parts.size()));
    switch (split.problem) {
    case Speech::PauseSplit::Problem::Silent:
        showMessage(tr("Nothing was heard. Is the microphone switched on?"));
        return;
    case Speech::PauseSplit::Problem::TooFewPauses:
        setWholePageMode(false);
        showMessage(tr("The recording has %n clear pause(s) between sentences, not enough to tell the %1 parts apart. "
                       "Please record one sentence at a time.",
                       nullptr, split.pausesFound)
                        .arg(m_parts.size()));
        return;
    case Speech::PauseSplit::Problem::None:
        break;
    }
    const qsizetype frameBytes = 2 * format.channels;
    for (qsizetype i = 0; i < split.pieces.size() && i < m_takes.size(); ++i) {
        const Speech::AudioPiece& piece = split.pieces.at(i);
        m_takes[i] = {pcm.mid(piece.begin * frameBytes, (piece.end - piece.begin) * frameBytes), format};
    }
    setWholePageMode(false);
    m_index = 0;
    showMessage(tr("The recording was cut into its parts at the pauses. Listen to each one, and record again any "
                   "that is not right."));
}

void RecordPageDialog::listen()
{
    if (isRecording() || !hasTake(m_index))
        return;
    stopPlaying();
    const Take& take = m_takes.at(m_index);
    QAudioFormat format;
    format.setSampleRate(take.format.sampleRate);
    format.setChannelCount(take.format.channels);
    format.setSampleFormat(QAudioFormat::Int16);
    const QAudioDevice device = QMediaDevices::defaultAudioOutput();
    if (device.isNull()) {
        showMessage(tr("No loudspeaker was found to play the recording."));
        return;
    }
    m_playing.setData(take.pcm);
    m_playing.open(QIODevice::ReadOnly);
    m_player = std::make_unique<QAudioSink>(device, format);
    connect(m_player.get(), &QAudioSink::stateChanged, this, [this](QAudio::State state) {
        if (state == QAudio::IdleState || (state == QAudio::StoppedState && m_player && m_player->error() != QAudio::NoError))
            QTimer::singleShot(0, this, [this] { stopPlaying(); updateUi(); });
    });
    m_player->start(&m_playing);
    updateUi();
}

void RecordPageDialog::stopPlaying()
{
    if (m_player) {
        m_player->disconnect(this);
        m_player->stop();
        m_player.reset();
    }
    m_playing.close();
}

void RecordPageDialog::keep()
{
    if (isRecording())
        stopRecording();
    if (takeCount() == 0) {
        showMessage(tr("Nothing is recorded yet."));
        return;
    }
    Story::Narration narration;
    narration.source = Story::Narration::Source::Recorded;
    narration.voice = readerName();
    narration.created = QDateTime::currentDateTimeUtc();
    QHash<QString, QByteArray> bytes;
    for (qsizetype i = 0; i < m_parts.size(); ++i) {
        if (!hasTake(int(i)))
            continue;
        const Take& take = m_takes.at(i);
        Story::NarrationClip clip;
        clip.text = m_parts.at(i).trimmed();
        clip.entry = Story::newNarrationEntry(m_pageId, QStringLiteral("wav"));
        clip.mimeType = QStringLiteral("audio/wav");
        clip.durationMs = take.format.msForFrames(take.pcm.size() / (2 * take.format.channels));
        bytes.insert(clip.entry, Speech::wavFromPcm(take.pcm, take.format));
        narration.clips.append(clip);
    }
    const QString problem = m_store ? m_store(narration, bytes) : QString();
    if (!problem.isEmpty()) {
        showMessage(problem);
        return;
    }
    QDialog::accept();
}

void RecordPageDialog::reject()
{
    if (isRecording())
        stopRecording();
    stopPlaying();
    if (takeCount() == 0) {
        QDialog::reject();
        return;
    }
    if (findChild<QMessageBox*>(QStringLiteral("discardTakesBox")))
        return;
    auto* box = new QMessageBox(QMessageBox::Question, tr("Throw the recording away?"),
                                tr("%n part(s) of this page are recorded. Close without keeping them?", nullptr,
                                   takeCount()),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("discardTakesBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* discard = box->addButton(tr("&Throw away"), QMessageBox::DestructiveRole);
    discard->setObjectName(QStringLiteral("discardButton"));
    box->addButton(tr("Go &on recording"), QMessageBox::RejectRole);
    connect(box, &QMessageBox::finished, this, [this, box, discard] {
        if (box->clickedButton() == discard)
            QDialog::reject();
    });
    box->open();
}

void RecordPageDialog::showMessage(const QString& text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void RecordPageDialog::updateList()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (qsizetype i = 0; i < m_parts.size(); ++i) {
        const QString mark = hasTake(int(i)) ? QStringLiteral("✓ ") : QStringLiteral("○ ");
        auto* item = new QListWidgetItem(mark + m_parts.at(i), m_list);
        item->setToolTip(hasTake(int(i)) ? tr("Recorded") : tr("Not recorded yet"));
    }
    m_list->setCurrentRow(m_wholePage ? -1 : m_index);
}

void RecordPageDialog::updateUi()
{
    const bool recording = isRecording();
    const bool playing = m_player != nullptr;
    if (m_wholePage) {
        m_partTitle->setText(tr("Read the whole page, with a short pause after each sentence:"));
        m_text->setText(m_parts.join(u'\n'));
    } else if (!m_parts.isEmpty()) {
        m_partTitle->setText(tr("Part %1 of %2:").arg(m_index + 1).arg(m_parts.size()));
        m_text->setText(m_parts.at(m_index));
    }
    m_record->setText(recording ? tr("■ &Stop") : tr("● &Record"));
    m_record->setEnabled(!m_parts.isEmpty());
    m_listen->setEnabled(!recording && !m_wholePage && hasTake(m_index) && !playing);
    m_redo->setEnabled(!recording && !m_wholePage && hasTake(m_index));
    m_back->setEnabled(!recording && !m_wholePage && m_index > 0);
    m_next->setEnabled(!recording && !m_wholePage && m_index + 1 < m_parts.size());
    m_list->setEnabled(!recording && !m_wholePage);
    m_bySentence->setEnabled(!recording);
    m_byPage->setEnabled(!recording);
    m_keep->setEnabled(!recording && takeCount() > 0);
    if (!m_wholePage && m_list->currentRow() != m_index) {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentRow(m_index);
    }
    if (!recording)
        m_meter->setValue(0);
}

} // namespace Storybook::App
