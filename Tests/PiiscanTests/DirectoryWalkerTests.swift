import Foundation
import Records
import Testing

@Suite("DirectoryWalker")
struct DirectoryWalkerTests {
    private func files(_ items: [DirectoryWalker.Item]) -> [String] {
        items.compactMap { if case .file(let entry) = $0 { return entry.displayPath } else { return nil } }
    }

    private func problems(_ items: [DirectoryWalker.Item]) -> [DirectoryWalker.Problem] {
        items.compactMap { if case .problem(let problem) = $0 { return problem } else { return nil } }
    }

    @Test func walksRecursivelyInSortedOrderIncludingHiddenFiles() throws {
        let dir = try TemporaryDirectory()
        for name in ["b.txt", "a/z.txt", "a/b/c.txt", ".hidden", "a-c.txt", "A.txt", ".git/config"] {
            try dir.write(name, "x")
        }
        let items = DirectoryWalker(roots: [dir.path]).items()
        let shown = files(items).map { String($0.dropFirst(dir.path.count + 1)) }
        #expect(shown == [".git/config", ".hidden", "A.txt", "a/b/c.txt", "a/z.txt", "a-c.txt", "b.txt"])
        #expect(problems(items).isEmpty)
    }

    @Test func displayPathsJoinTheRootAsGiven() throws {
        let dir = try TemporaryDirectory()
        try dir.write("sub/file.csv", "x")
        let withSlash = files(DirectoryWalker(roots: [dir.path + "/"]).items())
        #expect(withSlash == [dir.path + "/sub/file.csv"])
    }

    @Test func aFileRootIsYieldedAsNamed() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("one.txt", "x")
        #expect(files(DirectoryWalker(roots: [path]).items()) == [path])
    }

    @Test func rootsKeepTheirOrder() throws {
        let dir = try TemporaryDirectory()
        let b = try dir.write("b.txt", "x")
        let a = try dir.write("a.txt", "x")
        #expect(files(DirectoryWalker(roots: [b, a]).items()) == [b, a])
    }

    @Test func aMissingRootIsAProblemThatCountsAsAnError() {
        let items = DirectoryWalker(roots: ["/nonexistent/piiscan-test"]).items()
        let found = problems(items)
        #expect(found.count == 1)
        #expect(found.first?.kind == .notFound)
        #expect(found.first?.isError == true)
        #expect(found.first?.displayPath == "/nonexistent/piiscan-test")
    }

    @Test func linksOutsideTheRootAreReportedNotFollowed() throws {
        let outside = try TemporaryDirectory()
        try outside.write("secret.txt", "x")
        try outside.write("dir/secret2.txt", "x")
        let dir = try TemporaryDirectory()
        try dir.write("inside.txt", "x")
        try dir.link("out-file", to: outside.path + "/secret.txt")
        try dir.link("out-dir", to: outside.path + "/dir")
        try dir.link("dotdot", to: "..")
        let items = DirectoryWalker(roots: [dir.path]).items()
        #expect(files(items) == [dir.path + "/inside.txt"])
        let kinds = problems(items).map { "\($0.displayPath.split(separator: "/").last!)=\($0.kind)" }
        #expect(kinds == ["dotdot=linkOutsideRoot", "out-dir=linkOutsideRoot", "out-file=linkOutsideRoot"])
        #expect(problems(items).allSatisfy { !$0.isError })
    }

    @Test func linksInsideTheRootAreFollowedOnce() throws {
        let dir = try TemporaryDirectory()
        try dir.write("data/file.txt", "x")
        try dir.link("alias.txt", to: "data/file.txt")
        try dir.link("data-link", to: "data")
        try dir.link("data-link2", to: "data")
        let items = DirectoryWalker(roots: [dir.path]).items()
        let shown = files(items).map { String($0.dropFirst(dir.path.count + 1)) }
        #expect(shown == ["alias.txt", "data/file.txt", "data-link/file.txt"])
        #expect(problems(items).map(\.kind) == [.linkLoop])
    }

    @Test func loopsEnd() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a/file.txt", "x")
        try dir.link("a/self", to: ".")
        try dir.link("a/up", to: "..")
        try dir.link("a/b", to: "c")
        try dir.link("a/c", to: "b")
        try dir.link("dangling", to: "nowhere")
        let items = DirectoryWalker(roots: [dir.path]).items()
        #expect(files(items) == [dir.path + "/a/file.txt"])
        let kinds = problems(items).map { "\($0.displayPath.split(separator: "/").last!)=\($0.kind)" }
        #expect(kinds == ["b=linkLoop", "c=linkLoop", "self=linkLoop", "up=linkLoop", "dangling=danglingLink"])
    }

    @Test func aRootThatIsALinkIsFollowed() throws {
        let dir = try TemporaryDirectory()
        try dir.write("real/file.txt", "x")
        try dir.link("root-link", to: dir.path + "/real")
        try dir.link("real/back", to: dir.path + "/real/file.txt")
        let items = DirectoryWalker(roots: [dir.path + "/root-link"]).items()
        #expect(files(items) == [dir.path + "/root-link/back", dir.path + "/root-link/file.txt"])
        #expect(problems(items).isEmpty)
    }

    @Test func specialFilesInsideADirectoryAreSkipped() throws {
        let dir = try TemporaryDirectory()
        try dir.write("file.txt", "x")
        #expect(mkfifo(dir.path + "/fifo", 0o600) == 0)
        let items = DirectoryWalker(roots: [dir.path]).items()
        #expect(files(items) == [dir.path + "/file.txt"])
        #expect(problems(items).map(\.kind) == [.specialFile])
    }

    @Test func anUnreadableDirectoryIsAnErrorAndTheWalkGoesOn() throws {
        guard geteuid() != 0 else { return }  // root reads everything
        let dir = try TemporaryDirectory()
        try dir.write("locked/secret.txt", "x")
        try dir.write("open/file.txt", "x")
        chmod(dir.path + "/locked", 0)
        defer { chmod(dir.path + "/locked", 0o755) }
        let items = DirectoryWalker(roots: [dir.path]).items()
        #expect(files(items) == [dir.path + "/open/file.txt"])
        #expect(problems(items).map(\.kind) == [.unreadable])
        #expect(problems(items).first?.isError == true)
    }

    @Test func namesThatAreNotUTF8KeepTheirBytes() throws {
        let dir = try TemporaryDirectory()
        var raw = Array((dir.path + "/bad-").utf8)
        raw.append(0xFF)
        raw.append(contentsOf: Array(".txt".utf8))
        let fd = raw.withUnsafeBufferPointer { buffer -> Int32 in
            var terminated = Array(buffer)
            terminated.append(0)
            return terminated.withUnsafeBufferPointer {
                $0.baseAddress!.withMemoryRebound(to: CChar.self, capacity: $0.count) { open($0, O_CREAT | O_WRONLY, 0o644) }
            }
        }
        #expect(fd >= 0)
        close(fd)
        let items = DirectoryWalker(roots: [dir.path]).items()
        guard case .file(let entry)? = items.first else {
            Issue.record("expected a file, got \(items)")
            return
        }
        #expect(entry.rawPath == raw)
        #expect(entry.displayPath == dir.path + "/bad-\u{FFFD}.txt")
    }
}
