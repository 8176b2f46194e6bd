package chamada.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubcommandsTest {

    private static final Terminal TERMINAL = CliRunner.silentTerminal();

    @Test
    void needed_subcommandAfterTopOptions_isThatOneOnly() {
        assertThat(Subcommands.needed("--lang", "en", "--verbose", "server", "--port", "7071"))
                .containsExactly(ServerCommand.class);
        assertThat(Subcommands.needed("--lang=pt-BR", "teacher", "open", "1010")).containsExactly(TeacherCommand.class);
        assertThat(Subcommands.needed("student", "--help")).containsExactly(StudentCommand.class);
    }

    @Test
    void needed_helpVersionOrOtherOptionFirst_isAll() {
        assertThat(Subcommands.needed("--help", "server")).isEqualTo(Subcommands.ALL);
        assertThat(Subcommands.needed("-V")).isEqualTo(Subcommands.ALL);
        assertThat(Subcommands.needed("--port", "7071", "server")).isEqualTo(Subcommands.ALL);
    }

    @Test
    void needed_noOrUnknownSubcommand_isAll() {
        assertThat(Subcommands.needed()).isEqualTo(Subcommands.ALL);
        assertThat(Subcommands.needed("serve")).isEqualTo(Subcommands.ALL);
        assertThat(Subcommands.needed("--lang", "server")).isEqualTo(Subcommands.ALL);
    }

    @Test
    void commandLine_withoutSubcommand_hasEverySubcommand() {
        assertThat(Main.commandLine(TERMINAL).getSubcommands()).containsOnlyKeys("teacher", "student", "admin", "server", "config", "migrate", "backup",
                "restore", "bench");
    }

    @Test
    void commandLine_namingServer_buildsOnlyServerAndKeepsInheritedOptions() {
        var commandLine = Main.commandLine(TERMINAL, "--lang", "en", "server", "--port", "7071");

        assertThat(commandLine.getSubcommands()).containsOnlyKeys("server");
        assertThat(commandLine.getSubcommands().get("server").getCommandSpec().findOption("--lang")).isNotNull();
    }
}
