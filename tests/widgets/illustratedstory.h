#pragma once

#include "story.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>

// A small illustrated story for the widget tests, with real pictures encoded as a provider sends them.
namespace Storybook::Test {

// A picture: a sky gradient with a sun, so a decoded copy is not blank.
inline QByteArray pictureBytes(int width, int height, const char* format)
{
    QImage image(width, height, QImage::Format_RGB32);
    QPainter painter(&image);
    QLinearGradient sky(0, 0, 0, height);
    sky.setColorAt(0, QColor(90, 150, 230));
    sky.setColorAt(1, QColor(250, 220, 160));
    painter.fillRect(image.rect(), sky);
    painter.setBrush(QColor(255, 200, 40));
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(QPoint(width / 3, height / 3), width / 8, width / 8);
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

inline Story::Page illustratedPage(const QString& id, const QString& parent, const QString& text)
{
    Story::Page page;
    page.id = id;
    page.parentId = parent;
    page.answerIndex = parent.isEmpty() ? -1 : 0;
    page.answer = parent.isEmpty() ? QString() : QStringLiteral("Go on");
    page.text = text;
    page.scene = QStringLiteral("Scene of ") + id;
    Story::Interaction interaction;
    interaction.question = QStringLiteral("What next after ") + id + u'?';
    interaction.options = {QStringLiteral("Go on"), QStringLiteral("Stop")};
    page.interaction = interaction;
    return page;
}

inline void attachPicture(Story::Story& story, const QString& pageId, const QByteArray& bytes, const QString& mime)
{
    Story::Picture picture;
    picture.entry = QStringLiteral("pictures/") + pageId + (mime == QLatin1String("image/jpeg") ? QStringLiteral(".jpg") : QStringLiteral(".png"));
    picture.mimeType = mime;
    picture.prompt = QStringLiteral("A picture of ") + pageId;
    story.page(pageId)->picture = picture;
    story.assets.insert(picture.entry, bytes);
}

//   p1 (landscape PNG 600×400) ── p2 (portrait JPEG 400×600) ── p3 (no picture) ── p4 (corrupt picture, ending)
inline Story::Story illustratedStory()
{
    Story::Story story;
    story.id = QStringLiteral("illustrated");
    story.title = QStringLiteral("The Fox and the Lantern");
    story.settings.pictures = true;
    story.settings.pageCount = 4;
    story.pages.append(illustratedPage(QStringLiteral("p1"), {}, QStringLiteral("Pip found a lantern in the grass.")));
    story.pages.append(illustratedPage(QStringLiteral("p2"), QStringLiteral("p1"), QStringLiteral("The lantern glowed brighter.")));
    story.pages.append(illustratedPage(QStringLiteral("p3"), QStringLiteral("p2"), QStringLiteral("An owl came to look.")));
    Story::Page end = illustratedPage(QStringLiteral("p4"), QStringLiteral("p3"), QStringLiteral("And they all went home."));
    end.ending = true;
    end.interaction.reset();
    story.pages.append(end);
    story.path = {QStringLiteral("p1"), QStringLiteral("p2"), QStringLiteral("p3"), QStringLiteral("p4")};
    attachPicture(story, QStringLiteral("p1"), pictureBytes(600, 400, "PNG"), QStringLiteral("image/png"));
    attachPicture(story, QStringLiteral("p2"), pictureBytes(400, 600, "JPEG"), QStringLiteral("image/jpeg"));
    QByteArray corrupt = pictureBytes(300, 300, "PNG").left(120);
    corrupt.append(QByteArray(200, 'x'));
    attachPicture(story, QStringLiteral("p4"), corrupt, QStringLiteral("image/png"));
    return story;
}

} // namespace Storybook::Test
