import StackHarness
import Testing

@Suite(".env files")
struct EnvFileTests {
    private let text = """
        # NPS stack settings.
        # Copy me.

        # --- PostgreSQL ---
        # Database role.
        POSTGRES_USER=nps
        UNDOCUMENTED=1
        export EXPORTED="two words"  # trailing comment
        SINGLE='keeps $HOME and \\n'
        DOUBLE="line\\nbreak \\"quoted\\""
        INLINE=value # described here
        EMPTY=

        # orphan comment, separated by a blank line

        LATE=x
        not an assignment
        POSTGRES_USER=override
        """

    @Test("values, line numbers and the comments just above")
    func variables() throws {
        let file = EnvFile(text: text)
        #expect(file.names == ["POSTGRES_USER", "UNDOCUMENTED", "EXPORTED", "SINGLE", "DOUBLE", "INLINE", "EMPTY", "LATE", "POSTGRES_USER"])
        let first = try #require(file.variables.first)
        #expect(first.value == "nps")
        #expect(first.line == 6)
        #expect(first.comments == ["--- PostgreSQL ---", "Database role."])
        #expect(first.isDocumented)
        #expect(file["POSTGRES_USER"]?.value == "override")
        #expect(file["UNDOCUMENTED"]?.isDocumented == false)
        #expect(file["LATE"]?.comments == [])
        #expect(file.malformedLines == [17])
    }

    @Test("export, quotes and inline comments")
    func quoting() {
        let file = EnvFile(text: text)
        #expect(file["EXPORTED"]?.value == "two words")
        #expect(file["EXPORTED"]?.exported == true)
        #expect(file["EXPORTED"]?.quoted == true)
        #expect(file["EXPORTED"]?.inlineComment == "trailing comment")
        #expect(file["SINGLE"]?.value == "keeps $HOME and \\n")
        #expect(file["DOUBLE"]?.value == "line\nbreak \"quoted\"")
        #expect(file["INLINE"]?.value == "value")
        #expect(file["INLINE"]?.inlineComment == "described here")
        #expect(file["INLINE"]?.isDocumented == true)
        #expect(file["EMPTY"]?.value == "")
    }

    @Test("the repository's .env.example parses without malformed lines")
    func example() throws {
        let layout = try RepositoryLayout.locate()
        let file = try EnvFile(contentsOf: layout.environmentExample)
        #expect(file.malformedLines.isEmpty)
        #expect(!file.variables.isEmpty)
    }
}
