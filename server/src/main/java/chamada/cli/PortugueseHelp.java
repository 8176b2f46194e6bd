package chamada.cli;

import chamada.protocol.ExportCsv;

import java.util.ListResourceBundle;

/**
 * The usage help in Brazilian Portuguese; the English is in the annotations. Keys follow
 * picocli's rules: {@code chamada.teacher.open.usage.header} for a command, an option's
 * name without dashes (qualified by its command when two commands mean different things
 * by it), a positional parameter's {@code descriptionKey}.
 *
 * <p>A Java class rather than a properties file so that it lives in this package's
 * sources. {@code HelpTranslationTest} checks that every command, option and parameter
 * has its Portuguese here and that no key is unused.
 */
public final class PortugueseHelp extends ListResourceBundle {

    @Override
    protected Object[][] getContents() {
        return new Object[][] {
                {"usage.synopsisHeading", "Uso:\u0020"},
                {"usage.commandListHeading", "Comandos:%n"},
                {"help", "Mostra esta ajuda e sai."},
                {"version", "Mostra a versão e sai."},
                {"lang", "Idioma das mensagens: pt-BR ou en (padrão: o do sistema)."},
                {"verbose", "Em caso de erro, mostra também o stack trace."},
                {"host", "Nome ou endereço do servidor (padrão: ${DEFAULT-VALUE})."},
                {"port", "Porta TCP do servidor (padrão: ${DEFAULT-VALUE})."},
                {"tls", "Fala TLS com o servidor, confiando nos certificados em que este sistema confia (padrão: TCP"
                        + " sem cifra; um servidor iniciado com --tls-cert só fala TLS)."},
                {"ca", "Fala TLS com o servidor, confiando só no(s) certificado(s) PEM de ARQUIVO: a autoridade da"
                        + " própria escola, ou o certificado autoassinado do servidor. Implica --tls."},
                {"name", "Faz login como este professor (padrão: $" + TeacherCommand.NAME_VARIABLE + ")."
                        + " Sem nome não há login: basta para um servidor em modo aberto."},
                {"secret", "A senha do professor (padrão: $" + TeacherCommand.SECRET_VARIABLE
                        + "; senão é pedida sem eco). Outros usuários a veem na lista de processos:"
                        + " prefira a variável ou a pergunta."},
                {"CLASS", "Número da turma, por exemplo 1010."},
                {"chamada.teacher.open.code-policy", "Pede aos alunos um código de presença: rotating (muda na"
                        + " tela do projetor), fixed (um só) ou none (padrão: rotating num servidor com professores,"
                        + " none no modo aberto)."},
                {"chamada.student.checkin.code", "O código de presença mostrado na sala, quando a chamada pede um."},
                {"chamada.server.http-port", "Porta TCP das páginas web e da API JSON, com HTTPS nela se houver"
                        + " --tls-cert (padrão: ${DEFAULT-VALUE}; 0 escolhe uma livre; off: sem páginas web)."},
                {"chamada.server.http-bind", "Endereço das páginas web e da API JSON (padrão: ${DEFAULT-VALUE},"
                        + " todas as interfaces IPv4)."},
                {"chamada.server.tls-cert", "Cadeia de certificados PEM, primeiro o do servidor: as páginas web e a API"
                        + " JSON passam a falar HTTPS, na mesma --http-port, e a porta nativa só TLS (padrão: nenhum,"
                        + " HTTP e TCP sem cifra). Exige --tls-key."},
                {"chamada.server.plain-native-port", "Com --tls-cert, mantém a porta nativa em TCP sem cifra, para"
                        + " clientes Chamada mais antigos que o TLS dela; as senhas dos professores atravessam então a"
                        + " rede às claras por ela."},
                {"chamada.server.tls-key", "Chave privada PEM do --tls-cert, RSA ou EC, PKCS#8 sem cifra"
                        + " (BEGIN PRIVATE KEY)."},
                {"chamada.server.trusted-proxy", "Um proxy reverso cujo X-Forwarded-For identifica o cliente, ou um"
                        + " balanceador cujo cabeçalho PROXY (v1 ou v2) o identifica nas portas nativa e legadas, que"
                        + " então devem enviá-lo (padrão: nenhum); repita para vários."},
                {"chamada.server.code-policy", "Código de presença de uma chamada aberta sem escolher: rotating (muda na tela),"
                        + " fixed (um só) ou none (padrão: ${DEFAULT-VALUE}, como os seeds; rotating faz todos os"
                        + " protocolos pedirem o código mostrado na sala)."},
                {"chamada.server.code-period", "De quantos em quantos segundos o código rotativo muda (padrão: ${DEFAULT-VALUE})."},
                {"chamada.server.code-grace", "Por quantos segundos o código rotativo anterior ainda vale (padrão: ${DEFAULT-VALUE})."},
                {"chamada.server.auto-close-after", "Encerra, como o servidor, uma chamada ainda aberta por este tempo depois"
                        + " de aberta, para que uma esquecida não engula a próxima aula; 0 nunca (padrão: ${DEFAULT-VALUE})."},
                {"chamada.server.allow-network", "Aceita presenças só desta rede, como 10.20.0.0/16; repita para várias"
                        + " (padrão: todas as redes)."},
                {"MATRICULA", "A matrícula do aluno, de 1 a 20 dígitos."},
                {"NAME", "O nome de login do professor: letras, dígitos, . _ -"},

                {"chamada.usage.header", "Chamada escolar por TCP."},
                {"chamada.usage.description", "Professores abrem e encerram a chamada de uma turma; alunos"
                        + " registram presença enquanto ela está aberta. Mensagens e esta ajuda em português"
                        + " do Brasil ou inglês: veja --lang."},
                {"chamada.usage.exitCodeListHeading", "%nCódigos de saída:%n"},
                {"chamada.usage.exitCodeList.0", ExitCodes.OK + ":sucesso, inclusive aluno que já tinha registrado presença"},
                {"chamada.usage.exitCodeList.1", ExitCodes.REFUSED + ":recusado pelas regras (erro respondido pelo servidor,"
                        + " ou presença recusada com turma 0)"},
                {"chamada.usage.exitCodeList.2", ExitCodes.USAGE + ":erro de uso (opção, matrícula, turma ou nome"
                        + " inválidos); nada foi enviado"},
                {"chamada.usage.exitCodeList.3", ExitCodes.UNREACHABLE + ":servidor inalcançável (recusado, caiu,"
                        + " sem resposta), ou o servidor não consegue escutar"},
                {"chamada.usage.exitCodeList.4", ExitCodes.LOCAL_FILE + ":um arquivo local não pode ser lido ou"
                        + " gravado (professores, CSV, banco de dados)"},
                {"chamada.usage.exitCodeList.5", ExitCodes.INTERNAL + ":erro inesperado (um bug); --verbose mostra"
                        + " o stack trace"},
                {"chamada.usage.exitCodeList.6", ExitCodes.NO_JDK + ":nenhum JDK 21 ou mais novo encontrado (lançador)"},

                {"chamada.teacher.usage.header", "Abre e encerra chamadas (interativo sem subcomando)."},
                {"chamada.admin.usage.header", "Gerencia as contas dos professores e a quais professores cada turma"
                        + " pertence (só administradores)."},
                {"chamada.admin.teacher.usage.header", "Contas dos professores: list, add, remove, disable, enable,"
                        + " passwd."},
                {"chamada.admin.teacher.list.usage.header", "Lista a conta de cada professor."},
                {"chamada.admin.teacher.add.usage.header", "Adiciona a conta de um professor; a senha é pedida duas"
                        + " vezes, sem eco."},
                {"chamada.admin.teacher.remove.usage.header", "Remove a conta de um professor, e o professor das suas"
                        + " turmas."},
                {"chamada.admin.teacher.disable.usage.header", "Impede um professor de entrar, e encerra suas sessões,"
                        + " sem remover a conta."},
                {"chamada.admin.teacher.enable.usage.header", "Deixa um professor desativado entrar de novo."},
                {"chamada.admin.teacher.passwd.usage.header", "Define a senha de um professor; ela é pedida duas vezes,"
                        + " sem eco."},
                {"chamada.admin.class.usage.header", "A quais professores cada turma pertence: list, assign, clear."},
                {"chamada.admin.class.list.usage.header", "Lista cada turma com professores designados."},
                {"chamada.admin.class.assign.usage.header", "Faz destes professores os professores da turma,"
                        + " substituindo os que ela tinha."},
                {"chamada.admin.class.clear.usage.header", "Remove os professores da turma: qualquer professor volta a"
                        + " poder usá-la."},
                {"chamada.admin.export-student.usage.header", "Grava em JSON tudo o que o Chamada guarda sobre um"
                        + " aluno (o direito de acesso do aluno)."},
                {"chamada.admin.export-student.out", "Grava o JSON neste arquivo, legível só pelo dono (padrão: a saída"
                        + " padrão)."},
                {"chamada.admin.forget.usage.header", "Apaga para sempre a identidade de um aluno: um número"
                        + " aleatório substitui a matrícula em todo lugar, o nome e os motivos escritos sobre ele são"
                        + " apagados, as contagens de frequência ficam."},
                {"chamada.admin.forget.confirm", "Faz de fato: sem isto, só diz o que faria."},
                {"admin", "Faz do professor um administrador da escola."},
                {"new-secret", "A nova senha da conta (padrão: $" + AdminTeacherCommand.NEW_SECRET_VARIABLE
                        + "; senão é pedida duas vezes, sem eco)."},
                {"TEACHER", "O nome de login do professor: letras, dígitos, . _ -"},
                {"TEACHERS", "Os nomes de login dos professores da turma."},
                {"chamada.teacher.usage.description", "Sem subcomando: uma tela interativa onde o número de uma"
                        + " turma abre a chamada dela e o mesmo número de novo encerra e lista os presentes."},
                {"chamada.teacher.open.usage.header", "Abre a chamada de uma turma."},
                {"chamada.server.retain-days", "Apaga as chamadas encerradas há mais de tantos dias, com suas"
                        + " presenças, situações e auditoria, ao iniciar e diariamente; 0 as guarda para sempre"
                        + " (padrão: ${DEFAULT-VALUE}; no máximo 36500)."},
                {"chamada.server.edit-days", "Um professor pode corrigir uma chamada por tantos dias depois de"
                        + " encerrada; depois, só um administrador (0: só enquanto aberta; no máximo 3650)."},
                {"chamada.teacher.defaults.usage.header", "Mostra os padrões de uma turma, ou define o atraso que suas"
                        + " chamadas têm quando abertas sem --late-after e se ela aceita mensagens anônimas."},
                {"chamada.teacher.defaults.anonymous-messages", "Se os alunos podem escrever aos professores da turma"
                        + " sem matrícula (on: chamada student message --anonymous) ou só com ela (off), conferida na"
                        + " lista de alunos se a turma tiver uma."},
                {"chamada.teacher.inbox.usage.header", "Mostra as mensagens que os alunos enviaram a uma turma, da mais"
                        + " antiga à mais nova."},
                {"chamada.teacher.inbox.unread", "Só as mensagens ainda não marcadas como lidas."},
                {"chamada.teacher.inbox.mark-read", "Marca como lidas as mensagens mostradas."},
                {"chamada.config.usage.header", "Confere um arquivo de configuração do chamada server."},
                {"chamada.config.check.usage.header", "Confere um arquivo de configuração do chamada server sem"
                        + " iniciar o servidor."},
                {"CONFIG_FILE", "O arquivo de configuração a conferir."},
                {"chamada.server.log-file", "Escreve o log em ARQUIVO em vez do stderr, um arquivo novo a cada dia e sempre"
                        + " que passar de --log-max-file-mb, os antigos comprimidos ao lado e guardados por 30 dias"
                        + " (padrão: stderr, que o journal do systemd guarda)."},
                {"chamada.server.log-max-file-mb", "Com --log-file, começa um arquivo novo quando o atual passa de tantos"
                        + " MiB (padrão: ${DEFAULT-VALUE})."},
                {"chamada.server.log-json", "Um objeto JSON por linha (o JSON do Logback), para um coletor de logs."},
                {"chamada.server.log-level", "Quanto registrar: error, warn, info, debug; debug acrescenta uma linha por"
                        + " pedido (padrão: ${DEFAULT-VALUE})."},
                {"chamada.server.config", "Lê as opções do servidor de ARQUIVO (YAML, uma opção por linha, como port:"
                        + " 7070; uma lista para as repetíveis); uma opção dada também na linha de comando vale sobre o"
                        + " arquivo. chamada config check ARQUIVO confere um arquivo sem iniciar."},
                {"chamada.teacher.show.usage.header", "Mostra uma mensagem na tela de perguntas da turma, para o"
                        + " projetor: o texto, nunca quem a enviou."},
                {"SHOWN_CHOICE", "O número da mensagem, como chamada teacher inbox o mostra, ou off para nenhuma."},
                {"chamada.teacher.upload.usage.header", "Publica arquivos numa turma, para seus alunos baixarem (um"
                        + " arquivo de mesmo nome é substituído)."},
                {"UPLOAD_FILES", "Os arquivos a publicar."},
                {"chamada.teacher.upload.as", "O nome que os alunos veem, para um só arquivo (padrão: o dele)."},
                {"chamada.teacher.rm.usage.header", "Remove um material de uma turma."},
                {"MATERIAL_NAME", "O nome do material, como chamada student files o lista."},
                {"chamada.teacher.watch.usage.header", "Acompanha uma turma ao vivo: cada presença com a contagem, cada"
                        + " correção e cada mensagem, até Ctrl-C."},
                {"chamada.teacher.defaults.late-after", "Presenças mais de tantos minutos depois da abertura das chamadas"
                        + " da turma são atrasos (de 0 a 720), a não ser que uma seja aberta com seu próprio"
                        + " --late-after; off: nenhum."},
                {"chamada.teacher.open.late-after", "Presenças mais de tantos minutos depois da abertura contam como"
                        + " atraso (de 0 a 720; padrão: o da turma, teacher defaults, senão ninguém se atrasa)."},
                {"chamada.teacher.open.accept-unknown", "Se a turma tem lista de alunos, aceita também matrículas"
                        + " fora dela (mostradas como fora da lista) em vez de recusá-las."},
                {"chamada.teacher.mark.usage.header", "Corrige a situação de um aluno numa chamada (present, late,"
                        + " excused ou absent), com um motivo."},
                {"chamada.teacher.mark.usage.description", "A chamada mais recente da turma, a menos que --roll-call"
                        + " indique outra (chamada teacher history lista os números). Uma chamada encerrada pode ser"
                        + " corrigida por --edit-days dias depois de encerrada. Incluir um aluno que esqueceu de"
                        + " registrar presença é um mark present; não é um registro de presença."},
                {"STATUS", "presente, atrasado, justificado ou ausente (ou em inglês: present, late, excused, absent)."},
                {"chamada.teacher.mark.reason", "O motivo (de 1 a 200 caracteres), guardado na auditoria."},
                {"chamada.teacher.mark.roll-call", "O número da chamada (padrão: a mais recente da turma)."},
                {"chamada.teacher.report.usage.header", "A frequência de cada aluno de uma turma: presente, atrasado,"
                        + " justificado, ausente, e a taxa."},
                {"chamada.teacher.report.usage.description", "A taxa é (presentes + atrasados) / (chamadas -"
                        + " justificadas); --late-counts-as absent conta o atraso como falta. Um aluno sem registro numa"
                        + " chamada conta como ausente nela."},
                {"chamada.teacher.report.from", "Primeiro dia, como AAAA-MM-DD (padrão: a primeira chamada)."},
                {"chamada.teacher.report.to", "Último dia, como AAAA-MM-DD (padrão: a última chamada)."},
                {"chamada.teacher.report.late-counts-as", "Como a taxa conta um aluno atrasado: present (padrão) ou"
                        + " absent."},
                {"chamada.teacher.report.csv", "Grava também o relatório neste arquivo CSV (- para a saída padrão)."},
                {"chamada.teacher.report.xlsx", "Grava também o relatório nesta planilha do Excel (.xlsx)."},
                {"chamada.teacher.report.csv-separator", "Entre os campos do CSV: , (padrão) ou ; para o Excel em"
                        + " português."},
                {"chamada.teacher.report.bom", "Começa o CSV com a marca de ordem de bytes UTF-8, para que o Excel o"
                        + " leia como UTF-8."},
                {"chamada.teacher.audit.usage.header", "Lista cada alteração da situação de um aluno nas chamadas de"
                        + " uma turma: quem, quando, de quê, para quê, por quê."},
                {"chamada.teacher.roster.usage.header", "Lista os alunos de uma turma (matrícula e nome); importa ou"
                        + " retira a lista com um subcomando."},
                {"chamada.teacher.roster.import.usage.header", "Faz de um arquivo CSV a lista de alunos de uma turma."},
                {"chamada.teacher.roster.import.usage.description", "O arquivo: UTF-8, uma linha de cabeçalho"
                        + " matricula,name (ou matricula;nome, como uma planilha em português salva), depois um aluno"
                        + " por linha. Cada linha com problema é mostrada com seu número; nada é importado a menos que"
                        + " todas estejam boas ou que se use --skip-bad. Os alunos do arquivo passam a ser a lista"
                        + " inteira: quem não está nele sai da lista."},
                {"chamada.teacher.roster.import.skip-bad", "Importa as linhas boas mesmo que haja linhas com problema"
                        + " (cada uma ainda é mostrada)."},
                {"ROSTER_FILE", "A lista de alunos, um arquivo CSV."},
                {"chamada.teacher.roster.clear.usage.header", "Retira a lista de alunos de uma turma: qualquer"
                        + " matrícula volta a poder registrar presença."},
                {"chamada.teacher.close.usage.header", "Encerra a chamada de uma turma e lista os presentes."},
                {"chamada.teacher.status.usage.header", "Lista quem já registrou presença na chamada aberta de uma turma."},
                {"chamada.teacher.history.usage.header", "Lista as chamadas encerradas de uma turma, com quantos"
                        + " estavam presentes."},
                {"chamada.teacher.export.usage.header", "Grava as chamadas encerradas de uma turma num arquivo CSV."},
                {"chamada.teacher.export.usage.description", "Uma linha por aluno de cada chamada encerrada,"
                        + " cabeçalho " + ExportCsv.HEADER + ", horários em ISO-8601: os que registraram presença,"
                        + " depois os ausentes e os marcados por um professor sem registro. Uma chamada sem ninguém"
                        + " vira uma linha com matricula vazia."},
                {"chamada.teacher.export.csv", "O arquivo CSV a gravar (substituído se existir); - grava na saída"
                        + " padrão."},
                {"chamada.teacher.export.csv-separator", "Entre os campos: , como a RFC 4180 (padrão), ou ; para o Excel"
                        + " em português ou em outra língua europeia."},
                {"chamada.teacher.export.bom", "Começa o arquivo com a marca de ordem de bytes UTF-8, para que o Excel"
                        + " o leia como UTF-8."},
                {"chamada.teacher.add.usage.header", "Adiciona um professor a um arquivo de professores (o --teachers"
                        + " do servidor)."},
                {"chamada.teacher.add.usage.description", "Guarda um hash PBKDF2 da senha, nunca a senha. Um arquivo"
                        + " inexistente é criado, legível só pelo dono. Um nome que já está no arquivo é recusado:"
                        + " para trocar a senha, apague a linha dele e adicione de novo."},
                {"chamada.teacher.add.teachers", "O arquivo de professores."},

                {"chamada.student.usage.header", "Registra presença numa chamada aberta (interativo sem subcomando)."},
                {"chamada.student.usage.description", "Sem subcomando: uma tela interativa que pergunta matrícula e"
                        + " turma de novo e de novo, para vários alunos num mesmo terminal."},
                {"chamada.student.checkin.usage.header", "Registra a presença de um aluno na chamada aberta de uma"
                        + " turma."},
                {"chamada.student.files.usage.header", "Lista os materiais publicados numa turma."},
                {"chamada.student.download.usage.header", "Baixa um material de uma turma (sem NOME, escolha-o na lista"
                        + " pelo número)."},
                {"MATERIAL_CHOICE", "O nome do material, ou seu número em chamada student files."},
                {"chamada.student.download.out", "A pasta onde salvá-lo (padrão: a atual)."},
                {"chamada.student.download.resume", "Continua um download interrompido, a partir do NOME.part que ele"
                        + " deixou."},
                {"chamada.student.message.usage.header", "Escreve aos professores de uma turma (várias mensagens, uma por"
                        + " linha, sem TEXTO)."},
                {"MESSAGE_TEXT", "A mensagem (as palavras são unidas com espaços); sem ela, lida linha"
                        + " a linha."},
                {"chamada.student.message.matricula", "Quem escreve: a matrícula do aluno, como o professor a verá."},
                {"chamada.student.message.anonymous", "Escreve sem matrícula, onde a turma aceita mensagens anônimas."},

                {"chamada.server.usage.header", "Roda o servidor Chamada até Ctrl-C ou SIGTERM."},
                {"chamada.server.usage.description", "Sem --teachers o servidor roda em modo aberto: qualquer pessoa"
                        + " pode abrir e encerrar chamadas."},
                {"chamada.server.bind", "Endereço onde escutar (padrão: ${DEFAULT-VALUE}, todas as interfaces IPv4)."},
                {"chamada.server.port", "Porta TCP onde escutar (padrão: ${DEFAULT-VALUE}; 0 escolhe uma livre)."},
                {"chamada.server.db", "Arquivo do banco SQLite, criado com seu diretório se não existir"
                        + " (padrão: ${DEFAULT-VALUE}, relativo ao diretório atual); ou, para vários servidores"
                        + " num só banco, postgresql://USUÁRIO@HOST[:PORTA][,HOST2[:PORTA]...]/BANCO[?PARÂMETROS]"
                        + " com a senha em CHAMADA_DB_PASSWORD ou --db-password-file."},
                {"chamada.server.db-password-file", "Arquivo com a senha do PostgreSQL (sua primeira linha), para um"
                        + " --db postgresql://. Sem ele, CHAMADA_DB_PASSWORD; sem os dois, nenhuma senha."},
                {"chamada.server.zone", "O fuso horário da escola, como America/Sao_Paulo: toda hora mostrada a uma"
                        + " pessoa está nele, e toda hora na rede leva seu deslocamento (padrão: o desta máquina,"
                        + " ${DEFAULT-VALUE})."},
                {"chamada.server.teachers", "Arquivo de professores, como o escreve 'chamada teacher add'."
                        + " Sem ele: modo aberto."},
                {"chamada.server.max-line-bytes", "Maior linha de pedido aceita (padrão: ${DEFAULT-VALUE})."},
                {"chamada.server.idle-timeout", "Encerra uma conexão após tantos segundos sem pedido"
                        + " (padrão: ${DEFAULT-VALUE})."},
                {"chamada.server.max-connections-per-address", "Conexões que um mesmo endereço cliente pode manter"
                        + " ao mesmo tempo (padrão: ${DEFAULT-VALUE})."},
                {"chamada.server.legacy", "Fala também os protocolos das seeds, sem autenticação: a chamada, as"
                        + " mensagens e o download de arquivos delas, cada um na sua porta."},
                {"chamada.server.legacy-bind", "Endereço das portas legadas (padrão: ${DEFAULT-VALUE}, todas as"
                        + " interfaces IPv4: os clientes das seeds conectam ao endereço do nome desta máquina, muitas vezes não"
                        + " 127.0.0.1)."},
                {"chamada.server.legacy-port", "Porta da chamada das seeds, para teacher.py e student.py"
                        + " (padrão: ${DEFAULT-VALUE})."},
                {"chamada.server.legacy-messages-port", "Porta das mensagens das seeds (padrão: ${DEFAULT-VALUE})."},
                {"chamada.server.legacy-files-port", "Porta do download de arquivos das seeds (padrão: ${DEFAULT-VALUE})."},
                {"chamada.server.legacy-files", "Pasta cujos arquivos o download legado oferece, criada se não existir"
                        + " (padrão: ${DEFAULT-VALUE}, relativa ao diretório atual)."},
                {"chamada.server.legacy-messages-class", "Guarda o que o cliente de mensagens das seeds envia na caixa"
                        + " de entrada desta turma, como mensagens anônimas (a turma precisa aceitá-las: chamada"
                        + " teacher defaults TURMA --anonymous-messages on); sem esta opção, as mensagens só vão para o"
                        + " log."},
                {"chamada.server.materials", "Pasta dos arquivos dos materiais das turmas, criada se não existir"
                        + " (padrão: materials ao lado do arquivo do banco; com PostgreSQL, chamada-data/materials, e"
                        + " todos os nós precisam indicar a mesma pasta compartilhada)."},
                {"chamada.server.max-material-mb", "O maior arquivo que um professor pode publicar, em MiB (padrão:"
                        + " ${DEFAULT-VALUE})."},
                {"chamada.server.max-class-materials-mb", "O máximo que os materiais de uma turma podem ocupar juntos,"
                        + " em MiB (padrão: ${DEFAULT-VALUE})."},
                {"chamada.server.legacy-files-class", "Oferece os materiais desta turma (chamada teacher upload) no"
                        + " download de arquivos, em vez dos arquivos de --legacy-files; o cliente das seeds aceita"
                        + " arquivos de texto de até 1 MB."},
                {"chamada.server.legacy-idle-timeout", "Encerra uma conexão legada após tantos segundos sem mensagem"
                        + " (padrão: ${DEFAULT-VALUE}: um cliente das seeds mantém a conexão a aula inteira)."},

                {"chamada.migrate.usage.header", "Copia um armazenamento embutido (arquivo SQLite e diário) para o"
                        + " PostgreSQL."},
                {"chamada.migrate.usage.description", "Pare antes o servidor que usa o arquivo. Tudo é copiado numa"
                        + " transação, com os ids das chamadas e a chave das sessões dos professores, e contado de novo"
                        + " no PostgreSQL. Pode rodar de novo: um banco que já tem o mesmo fica como está, um com"
                        + " outros dados é recusado."},
                {"chamada.migrate.from", "O arquivo SQLite do armazenamento embutido (o diário ao lado é aplicado"
                        + " antes)."},
                {"chamada.migrate.to", "postgresql://USUÁRIO@HOST[:PORTA][,HOST2[:PORTA]...]/BANCO[?PARÂMETROS],"
                        + " como o --db do servidor."},
                {"chamada.migrate.db-password-file", "Arquivo com a senha do PostgreSQL (sua primeira linha). Sem ele,"
                        + " CHAMADA_DB_PASSWORD."},
                {"chamada.backup.usage.header", "Faz o backup dos dados de um servidor (banco e materiais), em"
                        + " funcionamento ou parado."},
                {"chamada.backup.usage.description", "Pede ao servidor em execução uma cópia consistente (só"
                        + " administradores; no modo aberto, na máquina do servidor), com toda mudança que ele confirmou"
                        + " antes de responder; ou, com --db, lê um armazenamento parado. chamada restore a devolve. No"
                        + " PostgreSQL use o pg_dump (docs/SCALING.md)."},
                {"chamada.backup.to", "Onde gravar o arquivo de backup (um ZIP); não pode existir ainda."},
                {"chamada.backup.db", "Faz o backup deste arquivo SQLite de um armazenamento parado em vez de pedir a"
                        + " um servidor; nenhum servidor pode estar usando-o."},
                {"chamada.backup.materials", "Com --db: a pasta de materiais do armazenamento (padrão: materials ao"
                        + " lado do arquivo de --db)."},
                {"chamada.restore.usage.header", "Devolve um backup a um armazenamento parado (o --db do servidor)."},
                {"chamada.restore.usage.description", "Recusa um armazenamento que tem dados, a menos que se dê"
                        + " --force; o servidor precisa estar parado."},
                {"BACKUP_FILE", "O arquivo gerado por chamada backup."},
                {"chamada.restore.db", "O arquivo SQLite do armazenamento, como o --db do servidor; criado se não"
                        + " existir."},
                {"chamada.restore.materials", "A pasta de materiais do armazenamento (padrão: materials ao lado do"
                        + " arquivo de --db), como a do servidor."},
                {"chamada.restore.force", "Substitui um armazenamento que tem dados: seu banco, seu diário e seus"
                        + " materiais."},
                {"chamada.bench.usage.header", "Mede presenças por segundo e sua latência (laço fechado)."},
                {"chamada.bench.usage.description", "O benchmark é um jar à parte, " + BenchJarCommand.JAR
                        + ": ./chamada bench o constrói quando preciso e o roda; ./chamada bench --help lista"
                        + " suas opções. Veja BENCHMARKS.md."},
        };
    }
}
