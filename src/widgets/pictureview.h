#pragma once

#include "picturecache.h"

#include <QByteArray>
#include <QPixmap>
#include <QString>
#include <QWidget>

#include <memory>

class QLabel;
class QProgressBar;

namespace Storybook::Widgets {

// The picture of a page, as large as its space allows with its aspect kept, decoded off the GUI
// thread by the shared PictureCache (once per size bucket, never per resize event). While a picture
// is being painted and none is there yet, a calm placeholder: "Painting the picture…", the page's
// scene line and an indeterminate progress bar. A picture painted again keeps the old one shown
// (with a thin progress bar) until the new one arrives. Broken bytes show nothing.
class PictureView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PictureView)

public:
    enum class State {
        Empty,    // no picture and none being painted: the page has no picture area
        Loading,  // decoding (usually a few milliseconds): the space is kept
        Shown,    // the picture is shown
        Painting, // no picture yet, one is being painted: the placeholder
        Broken,   // the bytes are no picture: nothing is shown
    };

    explicit PictureView(std::shared_ptr<Media::PictureCache> cache, QWidget* parent = nullptr);
    ~PictureView() override;

    // The picture to show: entry `entry` of story `storyId` with its bytes (empty: none).
    void setPicture(const QString& storyId, const QString& entry, const QByteArray& bytes);
    // A picture is being painted for the page (or painted again).
    void setPainting(bool painting);
    [[nodiscard]] bool isPainting() const { return m_painting; }
    // The page's scene line (plain text): the placeholder's line and the picture's description.
    void setScene(const QString& scene);
    void clear();
    // Where the picture sits in the widget when the widget is not of its shape (default: centred).
    void setAlignment(Qt::Alignment alignment);

    [[nodiscard]] State state() const;
    // Something to show: the page needs a picture area.
    [[nodiscard]] bool wantsSpace() const;
    // The picture's own size (its aspect), known from its header before it is decoded.
    [[nodiscard]] QSize pictureSize() const { return m_naturalSize; }
    // The decoded image at the bucket size in use (null until it arrived).
    [[nodiscard]] QPixmap pixmap() const { return m_pixmap; }
    // Where the picture is painted within the widget.
    [[nodiscard]] QRect pictureRect() const;
    [[nodiscard]] QWidget* placeholder() const { return m_placeholder; }

Q_SIGNALS:
    // state() changed (a picture arrived, broke, painting began or ended): the page may lay out anew.
    void stateChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void requestForSize();
    void dropRequest();
    void onPictureReady(const Media::PictureKey& key, const QImage& image);
    void setImage(const QImage& image, int bucket);
    void changed(State before);
    void placeChildren();
    void applyLook();

    std::shared_ptr<Media::PictureCache> m_cache; // shared with the map and the reader
    QString m_storyId;
    QString m_entry;
    QByteArray m_bytes;
    QString m_fingerprint;
    QSize m_naturalSize;
    Media::PictureKey m_requested; // the decode waited for (bucket 0: none)
    QPixmap m_pixmap;              // the bucket's image
    int m_pixmapBucket = 0;
    QPixmap m_scaled; // m_pixmap at the exact size painted, made at most once per size
    bool m_broken = false;
    bool m_painting = false;
    Qt::Alignment m_alignment = Qt::AlignCenter;

    QWidget* m_placeholder = nullptr;
    QLabel* m_placeholderTitle = nullptr;
    QLabel* m_scene = nullptr;
    QProgressBar* m_progress = nullptr;
    QProgressBar* m_repaintProgress = nullptr;
};

} // namespace Storybook::Widgets
