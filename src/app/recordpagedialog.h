#pragma once

#include "narration.h"
#include "pausesplitter.h"

#include <QBuffer>
#include <QDialog>
#include <QHash>
#include <QList>
#include <QStringList>

#include <functional>
#include <memory>

class QAudioSink;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTimer;

namespace Storybook::Speech {
class Recorder;
}

namespace Storybook::App {

// "Record this page": a parent reads the page aloud, one part at a time (each sentence, the question,
// the answers — the parts the narrator reads) or the whole page at once (then cut at its pauses),
// listens, records any part again, and keeps it. The dialog does not own the story: Keep hands the
// narration (source Recorded, one WAV clip per part that has a take, named for `pageId`) to the store
// function, which returns a translated problem or an empty string. Nothing recorded leaves the
// computer. Cancel asks before throwing takes away; closing while recording is safe.
class RecordPageDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordPageDialog)

public:
    using StoreFunction = std::function<QString(const Story::Narration&, const QHash<QString, QByteArray>&)>;

    RecordPageDialog(const QString& pageId, const QStringList& parts, StoreFunction store, QWidget* parent = nullptr);
    ~RecordPageDialog() override;

    // Who is reading (Narration::voice), e.g. "Grandma"; remembered by the caller.
    void setReaderName(const QString& name);
    [[nodiscard]] QString readerName() const;

    [[nodiscard]] int currentPart() const { return m_index; }
    void setCurrentPart(int index);
    [[nodiscard]] bool hasTake(int index) const;
    [[nodiscard]] int takeCount() const;
    [[nodiscard]] bool isRecording() const;
    [[nodiscard]] bool wholePageMode() const { return m_wholePage; }
    void setWholePageMode(bool whole);

    void toggleRecording();
    void redo();
    void listen();
    void keep();
    void reject() override;

private:
    struct Take
    {
        QByteArray pcm;
        Speech::PcmFormat format;
    };

    void buildUi();
    void retranslateUi();
    void changeEvent(QEvent* event) override;
    void startRecording();
    void stopRecording();
    void takeWholePage();
    void stopPlaying();
    void showMessage(const QString& text);
    void updateUi();
    void updateList();

    QString m_pageId;
    QStringList m_parts;
    StoreFunction m_store;
    QList<Take> m_takes; // one per part; empty pcm: none yet
    int m_index = 0;
    bool m_wholePage = false;
    std::unique_ptr<Speech::Recorder> m_recorder;
    std::unique_ptr<QAudioSink> m_player;
    QBuffer m_playing;
    QTimer* m_clock = nullptr;

    QLabel* m_nameLabel = nullptr;
    QLineEdit* m_name = nullptr;
    QRadioButton* m_bySentence = nullptr;
    QRadioButton* m_byPage = nullptr;
    QListWidget* m_list = nullptr;
    QLabel* m_partTitle = nullptr;
    QLabel* m_text = nullptr;
    QProgressBar* m_meter = nullptr;
    QLabel* m_time = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_record = nullptr;
    QPushButton* m_listen = nullptr;
    QPushButton* m_redo = nullptr;
    QPushButton* m_back = nullptr;
    QPushButton* m_next = nullptr;
    QPushButton* m_keep = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace Storybook::App
