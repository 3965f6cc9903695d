package io.relance.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a service's resident memory goes, read while it is under load without any diagnostic flag: the kernel's
 * split of the resident set (anonymous, file-backed) and thread count, the JVM's committed heap and metaspace
 * ({@code jcmd GC.heap_info}) and code cache ({@code jcmd Compiler.codecache}); what remains of the anonymous memory
 * is native: thread stacks, the JIT compilers' arenas, GC structures, direct buffers (Netty, Kafka) and malloc.
 */
final class MemoryBreakdown {

    private static final Pattern HEAP_TOTAL = Pattern.compile("total (\\d+)K, used");
    private static final Pattern METASPACE = Pattern.compile("Metaspace\\s+used \\d+K, committed (\\d+)K");
    private static final Pattern CODE_USED = Pattern.compile("\\bused=(\\d+)Kb");

    private MemoryBreakdown() {
    }

    /** One line for the report, e.g. "RSS 402 MB = file 38 + anon 364 (heap 131, metaspace 92, code 30, rest 111); 98 threads". */
    static String of(long pid) {
        try {
            String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
            long rss = kilobytes(status, "VmRSS");
            long anon = kilobytes(status, "RssAnon");
            long file = kilobytes(status, "RssFile") + kilobytes(status, "RssShmem");
            long threads = kilobytes(status, "Threads");
            String heapInfo = jcmd(pid, "GC.heap_info");
            long heap = HEAP_TOTAL.matcher(heapInfo).results().mapToLong(m -> Long.parseLong(m.group(1))).sum();
            long metaspace = first(METASPACE.matcher(heapInfo)).orElse(0);
            long code = CODE_USED.matcher(jcmd(pid, "Compiler.codecache")).results()
                    .mapToLong(m -> Long.parseLong(m.group(1))).sum();
            long rest = anon - heap - metaspace - code;
            return "RSS %d MB = file %d + anon %d (heap %d, metaspace %d, code %d, rest %d); %d threads".formatted(
                    mb(rss), mb(file), mb(anon), mb(heap), mb(metaspace), mb(code), mb(rest), threads);
        } catch (IOException e) {
            return "not read: " + e.getMessage();
        }
    }

    private static long mb(long kilobytes) {
        return Math.round(kilobytes / 1024.0);
    }

    private static long kilobytes(String status, String field) {
        Matcher m = Pattern.compile("(?m)^" + field + ":\\s+(\\d+)").matcher(status);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static OptionalLong first(Matcher m) {
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    private static String jcmd(long pid, String command) throws IOException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("jcmd " + command + " failed for " + pid + ": " + output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running jcmd", e);
        }
    }
}
