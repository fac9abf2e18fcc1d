#include "epubcontainer.h"

#include <zip.h>

namespace Storybook::Export {

namespace {
bool add(zip_t* archive, const QString& name, const QByteArray& bytes, bool compress)
{
    // zip_source_buffer() keeps a pointer: the bytes must outlive zip_close() (the caller's list does).
    zip_source_t* source = zip_source_buffer(archive, bytes.constData(), zip_uint64_t(bytes.size()), 0);
    if (!source)
        return false;
    const zip_int64_t index = zip_file_add(archive, name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
        zip_source_free(source);
        return false;
    }
    return zip_set_file_compression(archive, zip_uint64_t(index), compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0) == 0;
}
} // namespace

ContainerResult buildEpubContainer(const QString& packagePath, const QList<EpubEntry>& entries)
{
    static const QByteArray MimeType = QByteArrayLiteral("application/epub+zip");
    const QByteArray container = QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                                   "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
                                                   "<rootfiles>\n<rootfile full-path=\"")
        + packagePath.toHtmlEscaped().toUtf8()
        + QByteArrayLiteral("\" media-type=\"application/oebps-package+xml\"/>\n</rootfiles>\n</container>\n");

    ContainerResult result;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* target = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_t* archive = target ? zip_open_from_source(target, ZIP_TRUNCATE, &error) : nullptr;
    if (!archive) {
        result.problem = QString::fromUtf8(zip_error_strerror(&error));
        if (target)
            zip_source_free(target);
        zip_error_fini(&error);
        return result;
    }
    zip_error_fini(&error);
    zip_source_keep(target); // kept past zip_close(), to read the bytes written
    bool ok = add(archive, QStringLiteral("mimetype"), MimeType, false)
        && add(archive, QStringLiteral("META-INF/container.xml"), container, true);
    for (const EpubEntry& entry : entries)
        ok = ok && add(archive, entry.path, entry.data, entry.compress);
    if (!ok || zip_close(archive) != 0) {
        result.problem = QString::fromUtf8(zip_strerror(archive));
        zip_discard(archive);
        zip_source_free(target);
        return result;
    }
    if (zip_source_open(target) == 0) {
        zip_source_seek(target, 0, SEEK_END);
        const zip_int64_t size = zip_source_tell(target);
        zip_source_seek(target, 0, SEEK_SET);
        if (size > 0) {
            result.bytes.resize(qsizetype(size));
            if (zip_source_read(target, result.bytes.data(), zip_uint64_t(size)) != size)
                result.bytes.clear();
        }
        zip_source_close(target);
    }
    zip_source_free(target);
    if (result.bytes.isEmpty())
        result.problem = QStringLiteral("the container could not be read back");
    return result;
}

} // namespace Storybook::Export
