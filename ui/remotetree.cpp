#include "remotetree.h"

#include <QHash>
#include <QVarLengthArray>
#include <algorithm>

namespace ferry {

namespace {

/// True for "a", "a/b": no empty part, no leading or trailing '/'. The server's names are
/// canonical already; this only keeps a malformed one from making a nameless folder.
bool isTreePath(QStringView path)
{
    if (path.isEmpty() || path.front() == QLatin1Char('/') || path.back() == QLatin1Char('/'))
        return false;
    return !path.contains(QLatin1String("//"));
}

/// How often the filter and sort loops look at the stop ticket.
constexpr int kStopCheckEvery = 4096;

} // namespace

RemoteTree::RemoteTree(const QList<protocol::FileEntry> &entries) : m_entries(entries)
{
    m_nodes.reserve(size_t(m_entries.size()) + size_t(m_entries.size()) / 8 + 1);
    m_nodes.push_back(Node {});
    m_nodes[0].isFolder = true;
    m_nodes[0].files = 0;
    // The index holds views into m_entries' names, so no path is copied; it lives only
    // while building.
    QHash<QStringView, int> folders;
    folders.reserve(m_entries.size() / 8 + 16);
    const auto folderFor = [&](QStringView dir, int entry) {
        if (dir.isEmpty())
            return 0;
        // Walk up to the nearest folder that exists, then create the missing ones downwards.
        QVarLengthArray<qsizetype, 32> missing;
        int known = 0;
        for (QStringView d = dir;;) {
            const auto found = folders.constFind(d);
            if (found != folders.constEnd()) {
                known = found.value();
                break;
            }
            missing.append(d.size());
            const qsizetype slash = d.lastIndexOf(QLatin1Char('/'));
            if (slash < 0)
                break;
            d = d.left(slash);
        }
        int parent = known;
        for (qsizetype i = missing.size() - 1; i >= 0; --i) {
            const QStringView d = dir.left(missing[i]);
            Node folder;
            folder.parent = parent;
            folder.entry = entry;
            folder.pathLength = int(d.size());
            folder.nameStart = int(d.lastIndexOf(QLatin1Char('/')) + 1);
            folder.isFolder = true;
            folder.files = 0;
            parent = int(m_nodes.size());
            m_nodes.push_back(folder);
            folders.insert(d, parent);
        }
        return parent;
    };

    for (int i = 0; i < int(m_entries.size()); ++i) {
        const protocol::FileEntry &e = m_entries.at(i);
        QStringView path(e.name);
        if (e.isFolder && path.endsWith(QLatin1Char('/')))
            path.chop(1);
        if (!isTreePath(path))
            continue;
        if (e.isFolder) {
            folderFor(path, i);
            continue;
        }
        const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
        Node file;
        file.parent = folderFor(slash < 0 ? QStringView() : path.left(slash), i);
        file.entry = i;
        file.pathLength = int(path.size());
        file.nameStart = int(slash + 1);
        file.files = 1;
        file.size = e.size;
        file.mtimeMs = e.mtimeMs;
        m_nodes.push_back(file);
    }

    // A node is always made after its parent, so one backwards pass adds up every folder.
    for (size_t i = m_nodes.size() - 1; i > 0; --i) {
        const Node &n = m_nodes[i];
        Node &p = m_nodes[size_t(n.parent)];
        p.files += n.files;
        p.size += n.size;
        p.mtimeMs = std::max(p.mtimeMs, n.mtimeMs);
    }

    // Children grouped by parent, in listing order (a counting sort).
    m_first.assign(m_nodes.size() + 1, 0);
    for (size_t i = 1; i < m_nodes.size(); ++i)
        ++m_first[size_t(m_nodes[i].parent) + 1];
    for (size_t i = 1; i < m_first.size(); ++i)
        m_first[i] += m_first[i - 1];
    m_children.resize(m_nodes.size() - 1);
    std::vector<int> fill(m_first.begin(), m_first.end() - 1);
    for (size_t i = 1; i < m_nodes.size(); ++i)
        m_children[size_t(fill[size_t(m_nodes[i].parent)]++)] = int(i);
}

QStringView RemoteTree::path(int index) const
{
    const Node &n = node(index);
    if (n.entry < 0)
        return {};
    return QStringView(m_entries.at(n.entry).name).left(n.pathLength);
}

QStringView RemoteTree::name(int index) const
{
    return path(index).mid(node(index).nameStart);
}

int RemoteTree::find(QStringView path) const
{
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    int found = 0;
    qsizetype start = 0;
    while (found >= 0 && start < path.size()) {
        if (!node(found).isFolder)
            return -1;
        qsizetype slash = path.indexOf(QLatin1Char('/'), start);
        if (slash < 0)
            slash = path.size();
        const QStringView part = path.mid(start, slash - start);
        int next = -1;
        for (int c = m_first[size_t(found)]; c < m_first[size_t(found) + 1]; ++c) {
            if (name(m_children[size_t(c)]) == part) {
                next = m_children[size_t(c)];
                break;
            }
        }
        found = next;
        start = slash + 1;
    }
    return found;
}

void RemoteTree::contents(
    int folder, QList<protocol::FileEntry> *files, QStringList *emptyFolders) const
{
    if (folder < 0 || folder >= nodeCount() || !node(folder).isFolder)
        return;
    files->reserve(files->size() + node(folder).files);
    std::vector<int> stack {folder};
    while (!stack.empty()) {
        const int n = stack.back();
        stack.pop_back();
        const Node &current = node(n);
        if (!current.isFolder) {
            files->append(m_entries.at(current.entry));
            continue;
        }
        if (current.files == 0 && n != 0) {
            emptyFolders->append(path(n).toString());
            continue;
        }
        // Pushed backwards so they come off the stack in listing order.
        for (int c = m_first[size_t(n) + 1] - 1; c >= m_first[size_t(n)]; --c)
            stack.push_back(m_children[size_t(c)]);
    }
}

RemoteTree::Layout RemoteTree::layout(SortKey key, Qt::SortOrder order, const QString &filter,
    const std::atomic<quint64> *stop, quint64 ticket) const
{
    const auto stopped = [&] { return stop && stop->load(std::memory_order_relaxed) != ticket; };
    const size_t count = m_nodes.size();
    Layout out;
    std::vector<char> visible(count, filter.isEmpty() ? 1 : 0);
    if (!filter.isEmpty()) {
        for (size_t i = 1; i < count; ++i) {
            if (i % kStopCheckEvery == 0 && stopped())
                return {};
            if (path(int(i)).contains(filter, Qt::CaseInsensitive))
                visible[i] = 1;
        }
        // Children come after their parents: one backwards pass shows every match's folders.
        for (size_t i = count - 1; i > 0; --i) {
            if (visible[i])
                visible[size_t(m_nodes[i].parent)] = 1;
        }
    }
    visible[0] = 1;

    out.first.assign(count, 0);
    out.count.assign(count, 0);
    out.row.assign(count, -1);
    out.children.reserve(count - 1);
    out.row[0] = 0;
    const bool descending = order == Qt::DescendingOrder;
    const auto less = [&](int a, int b) {
        const Node &x = m_nodes[size_t(a)];
        const Node &y = m_nodes[size_t(b)];
        // Folders first in either order, as file managers show them.
        if (x.isFolder != y.isFolder)
            return x.isFolder;
        int c = 0;
        switch (key) {
        case BySize:
            c = x.size < y.size ? -1 : (x.size > y.size ? 1 : 0);
            break;
        case ByFiles:
            c = x.files < y.files ? -1 : (x.files > y.files ? 1 : 0);
            break;
        case ByModified:
            c = x.mtimeMs < y.mtimeMs ? -1 : (x.mtimeMs > y.mtimeMs ? 1 : 0);
            break;
        case ByName:
            break;
        }
        if (c == 0)
            c = name(a).compare(name(b), Qt::CaseInsensitive);
        if (c == 0)
            c = name(a).compare(name(b), Qt::CaseSensitive);
        return descending ? c > 0 : c < 0;
    };
    int sorted = 0;
    for (size_t n = 0; n < count; ++n) {
        if (!visible[n] || !m_nodes[n].isFolder)
            continue;
        const size_t begin = out.children.size();
        out.first[n] = int(begin);
        for (int c = m_first[n]; c < m_first[n + 1]; ++c) {
            if (visible[size_t(m_children[size_t(c)])])
                out.children.push_back(m_children[size_t(c)]);
        }
        std::sort(out.children.begin() + qsizetype(begin), out.children.end(), less);
        out.count[n] = int(out.children.size() - begin);
        for (int r = 0; r < out.count[n]; ++r) {
            const int child = out.children[begin + size_t(r)];
            out.row[size_t(child)] = r;
            ++out.visibleNodes;
            if (!m_nodes[size_t(child)].isFolder)
                ++out.visibleFiles;
        }
        sorted += out.count[n];
        if (sorted >= kStopCheckEvery) {
            sorted = 0;
            if (stopped())
                return {};
        }
    }
    return out;
}

} // namespace ferry
