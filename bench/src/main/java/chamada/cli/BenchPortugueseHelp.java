package chamada.cli;

import java.util.ListResourceBundle;

/**
 * The usage help of {@code chamada bench} in Brazilian Portuguese: its description and options,
 * over the server's {@link PortugueseHelp}, which has the top command, the options every command
 * shares and the header that {@code chamada --help} lists for {@code bench}. Keys follow
 * picocli's rules, as there; {@code BenchHelpTranslationTest} checks them as
 * {@code HelpTranslationTest} checks the server's.
 */
final class BenchPortugueseHelp extends ListResourceBundle {

    BenchPortugueseHelp() {
        setParent(new PortugueseHelp());
    }

    @Override
    protected Object[][] getContents() {
        return new Object[][] {
                {"chamada.bench.usage.description", "Abre --classes turmas num servidor Chamada em modo aberto (ou"
                        + " esvazia os conjuntos class:<id> no Redis); cada uma das --connections conexões registra"
                        + " matrículas novas, uma por vez, esperando cada resposta, por --warmup e depois --duration"
                        + " segundos. Mostra vazão e latência p50/p99/p99.9/máx e confere por status (SCARD no Redis)"
                        + " que cada presença confirmada é contada exatamente uma vez; divergência reprova a rodada."
                        + " --target compare roda Chamada e Redis a cada número de conexões e mostra as razões"
                        + " Chamada / Redis. --http manda as presenças à API JSON da frente web por HTTP keep-alive;"
                        + " --sse-watchers N mantém N fluxos de eventos de telas ao vivo abertos nas turmas enquanto as"
                        + " presenças correm. --flood native|legacy|http mantém --flood-connections conexões caladas"
                        + " ou a conta-gotas nessa porta durante cada rodada e diz se o servidor as fechou dentro de"
                        + " --flood-timeout. Veja BENCHMARKS.md, RELIABILITY.md e bench/compare.sh."},
                {"chamada.bench.target", "O que carregar: chamada, redis ou compare (os dois, alternados)."
                        + " Padrão: ${DEFAULT-VALUE}."},
                {"chamada.bench.host", "Endereço do servidor Chamada (padrão: ${DEFAULT-VALUE})."},
                {"chamada.bench.port", "Porta nativa do servidor Chamada (padrão: ${DEFAULT-VALUE})."},
                {"chamada.bench.also-port", "Porta nativa de outro nó, no mesmo banco de dados que --port; repita"
                        + " para vários. As conexões das presenças se espalham por --port e estas, em rodízio, e as"
                        + " turmas são abertas, listadas e fechadas por --port: as presenças de uma turma chegam então"
                        + " a todos os nós."},
                {"chamada.bench.http", "Registra presenças pela API JSON da frente web"
                        + " (POST /api/v1/classes/{class}/check-ins), uma conexão HTTP keep-alive por --connections; o"
                        + " alvo na tabela aparece como http. Precisa de um servidor com a frente web ligada em"
                        + " --http-port, em modo aberto, nesta máquina (o bench abre e fecha suas turmas pela API)."},
                {"chamada.bench.http-port", "Porta da frente web do servidor Chamada, para --http e --sse-watchers"
                        + " (padrão: ${DEFAULT-VALUE})."},
                {"chamada.bench.sse-watchers", "Mantém N fluxos de eventos de telas ao vivo"
                        + " (GET /api/v1/classes/{class}/roll-call/events) abertos nas turmas, em rodízio, enquanto as"
                        + " presenças correm, como fariam páginas de projetor; cada um lê todos os eventos, e a rodada"
                        + " é reprovada se algum fluxo não ouvir todas as presenças da sua turma. Precisa da frente web"
                        + " em --http-port, como --http (padrão: ${DEFAULT-VALUE})."},
                {"chamada.bench.redis-host", "Endereço do Redis (padrão: ${DEFAULT-VALUE})."},
                {"chamada.bench.redis-port", "Porta do Redis (padrão: ${DEFAULT-VALUE})."},
                {"chamada.bench.connections", "Conexões, de 1 a 10000; uma lista roda uma vez por número"
                        + " (padrão: ${DEFAULT-VALUE})."},
                {"chamada.bench.duration", "Segundos medidos por rodada (padrão: ${DEFAULT-VALUE})."},
                {"chamada.bench.warmup", "Segundos de carga antes de medir (padrão: ${DEFAULT-VALUE})."},
                {"chamada.bench.classes", "Turmas abertas entre as quais as presenças se espalham"
                        + " (padrão: ${DEFAULT-VALUE})."},
                {"chamada.bench.first-class", "Número da primeira turma usada; as outras a seguem"
                        + " (padrão: ${DEFAULT-VALUE})."},
                {"chamada.bench.pause", "Cada conexão espera isto entre uma resposta e a próxima presença;"
                        + " 0 satura (padrão: ${DEFAULT-VALUE})."},
                {"chamada.bench.timeout", "Maior espera por uma conexão ou resposta antes de contar um erro"
                        + " (padrão: ${DEFAULT-VALUE})."},
                {"chamada.bench.rounds", "Rodadas por número de conexões, somadas na tabela; com compare, Chamada"
                        + " e Redis se revezam em começar, para que uma máquina ruidosa trate os dois igualmente"
                        + " (padrão: ${DEFAULT-VALUE})."},
                {"chamada.bench.server-pid", "PID do processo do servidor Chamada, para medir sua CPU por presença"
                        + " (Linux)."},
                {"chamada.bench.redis-pid", "PID do processo do Redis, para medir sua CPU por presença (Linux)."},
                {"chamada.bench.hold", "Mantém as conexões abertas, ociosas, por este tempo depois da medição,"
                        + " por exemplo para ver o heap do servidor com todas abertas (padrão: ${DEFAULT-VALUE})."},
                {"chamada.bench.flood", "Durante cada rodada do Chamada, mantém --flood-connections conexões"
                        + " abertas nesta porta do servidor (native: --port, http: --http-port, legacy: --flood-port),"
                        + " caladas ou a conta-gotas, de --flood-addresses endereços locais 127.1.0.1, 127.1.0.2...;"
                        + " depois da rodada, espera o servidor fechá-las e mostra quantas ele recusou logo, fechou"
                        + " dentro de --flood-timeout, fechou tarde ou deixou abertas. A rodada é reprovada se alguma"
                        + " foi fechada tarde ou ficou aberta. Precisa do servidor nesta máquina."},
                {"chamada.bench.flood-connections", "Conexões de --flood (padrão: ${DEFAULT-VALUE})."},
                {"chamada.bench.flood-addresses", "Endereços locais de origem entre os quais as conexões de --flood"
                        + " se espalham, em rodízio; 1 põe todas num endereço, para conferir"
                        + " --max-connections-per-address (padrão: ${DEFAULT-VALUE})."},
                {"chamada.bench.flood-style", "O que cada conexão de --flood faz. silent: não manda nada; trickle:"
                        + " manda um pedido que nunca termina, um byte a cada --flood-trickle segundos (slowloris)"
                        + " (padrão: ${DEFAULT-VALUE})."},
                {"chamada.bench.flood-trickle", "Segundos entre dois bytes a conta-gotas (padrão: ${DEFAULT-VALUE})."},
                {"chamada.bench.flood-timeout", "O tempo limite que o servidor tem para essa porta (--idle-timeout,"
                        + " --legacy-idle-timeout, ou 30 para a porta web, cujo tempo limite é fixo), pelo qual os"
                        + " fechamentos são julgados (padrão: o de um servidor sem opções para essa porta: 900 a"
                        + " nativa, 43200 a legada (60 para um conta-gotas, o prazo de uma mensagem), 30 a web)."},
                {"chamada.bench.flood-port", "A porta legada para --flood legacy: a da chamada, ou a das mensagens"
                        + " para um conta-gotas que é um cabeçalho nunca terminado (padrão: ${DEFAULT-VALUE})."},
                {"chamada.bench.json", "Imprime um documento JSON em vez de tabelas."},
        };
    }
}
