// GenTables prints tables_gen.go: the character sets behind Java 17's
// \p{...} names, (?U) classes and case mappings, computed by the JVM itself
// so that the Go translation uses exactly the sets java.util.regex uses.
//
// Run from extensions/javaregex:
//
//	java --add-opens java.base/java.lang=ALL-UNNAMED internal/gen/GenTables.java > tables_gen.go
import java.util.*;
import java.util.regex.*;

public class GenTables {
    static String all;
    static int[] charToCp;

    static String ranges(String regex) {
        Matcher m = Pattern.compile("(?:" + regex + ")+").matcher(all);
        StringBuilder out = new StringBuilder();
        int lo = -2, hi = -2;
        while (m.find()) {
            for (int i = m.start(); i < m.end(); ) {
                int cp = charToCp[i];
                if (cp == hi + 1) {
                    hi = cp;
                } else {
                    if (lo >= 0) out.append(Integer.toHexString(lo)).append('-').append(Integer.toHexString(hi)).append(' ');
                    lo = hi = cp;
                }
                i += Character.charCount(cp);
            }
        }
        if (lo >= 0) out.append(Integer.toHexString(lo)).append('-').append(Integer.toHexString(hi));
        return out.toString().trim();
    }

    static StringBuilder data = new StringBuilder();

    static void add(String key, String regex) {
        data.append(key).append('\t').append(ranges(regex)).append('\n');
    }

    static void addPair(String key, String keyI, String regex) {
        String plain = ranges(regex);
        data.append(key).append('\t').append(plain).append('\n');
        String folded = ranges("(?i)" + regex);
        if (!folded.equals(plain)) data.append(keyI).append('\t').append(folded).append('\n');
    }

    public static void main(String[] args) throws Exception {
        StringBuilder sb = new StringBuilder();
        List<Integer> map = new ArrayList<>();
        for (int cp = 0; cp <= 0x10FFFF; cp++) {
            if (cp >= 0xD800 && cp <= 0xDFFF) continue;
            sb.appendCodePoint(cp);
            map.add(cp);
            if (Character.charCount(cp) == 2) map.add(cp);
        }
        all = sb.toString();
        charToCp = new int[map.size()];
        for (int i = 0; i < charToCp.length; i++) charToCp[i] = map.get(i);

        String[] props = {"Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Me", "Mc", "Nd", "Nl", "No", "Zs", "Zl", "Zp",
            "Cc", "Cf", "Co", "Cs", "Pd", "Ps", "Pe", "Pc", "Po", "Sm", "Sc", "Sk", "So", "Pi", "Pf",
            "L", "M", "N", "Z", "C", "P", "S", "LC", "LD", "L1", "all",
            "ASCII", "Alnum", "Alpha", "Blank", "Cntrl", "Digit", "Graph", "Lower", "Print", "Punct", "Space", "Upper", "XDigit",
            "javaLowerCase", "javaUpperCase", "javaAlphabetic", "javaIdeographic", "javaTitleCase", "javaDigit",
            "javaDefined", "javaLetter", "javaLetterOrDigit", "javaJavaIdentifierStart", "javaJavaIdentifierPart",
            "javaUnicodeIdentifierStart", "javaUnicodeIdentifierPart", "javaIdentifierIgnorable", "javaSpaceChar",
            "javaWhitespace", "javaISOControl", "javaMirrored"};
        for (String p : props) addPair("P:" + p, "Pi:" + p, "\\p{" + p + "}");
        String[] posix = {"ALPHA", "LOWER", "UPPER", "SPACE", "PUNCT", "XDIGIT", "ALNUM", "CNTRL", "DIGIT", "BLANK", "GRAPH", "PRINT"};
        for (String p : posix) {
            String name = p.charAt(0) + p.substring(1).toLowerCase(Locale.ROOT);
            if (p.equals("XDIGIT")) name = "XDigit";
            addPair("U:" + p, "Ui:" + p, "(?U)\\p{" + name + "}");
        }
        String[] is = {"ALPHABETIC", "ASSIGNED", "CONTROL", "HEXDIGIT", "HEX_DIGIT", "IDEOGRAPHIC", "JOINCONTROL",
            "JOIN_CONTROL", "LETTER", "LOWERCASE", "NONCHARACTERCODEPOINT", "NONCHARACTER_CODE_POINT", "TITLECASE",
            "PUNCTUATION", "UPPERCASE", "WHITESPACE", "WHITE_SPACE", "WORD", "ALNUM", "BLANK", "GRAPH", "PRINT", "EMOJI",
            "EMOJI_PRESENTATION", "EMOJI_MODIFIER", "EMOJI_MODIFIER_BASE", "EMOJI_COMPONENT", "EXTENDED_PICTOGRAPHIC"};
        for (String p : is) {
            try { Pattern.compile("\\p{Is" + p + "}"); } catch (PatternSyntaxException e) { continue; }
            addPair("Is:" + p, "Isi:" + p, "\\p{Is" + p + "}");
        }
        add("U:w", "(?U)\\w");
        add("U:d", "(?U)\\d");
        add("U:s", "(?U)\\s");
        // Java 17's \b, without (?U), counts letters and digits of any script as word characters.
        add("bword", "[\\p{javaLetterOrDigit}_]");
        add("nsm", "\\p{Mn}");
        for (Character.UnicodeScript s : Character.UnicodeScript.values()) {
            add("sc:" + s.name(), "\\p{script=" + s.name() + "}");
        }
        // Script aliases (ISO 15924 codes) accepted by UnicodeScript.forName.
        char[] c = new char[4];
        for (c[0] = 'A'; c[0] <= 'Z'; c[0]++) for (c[1] = 'A'; c[1] <= 'Z'; c[1]++)
        for (c[2] = 'A'; c[2] <= 'Z'; c[2]++) for (c[3] = 'A'; c[3] <= 'Z'; c[3]++) {
            String n = new String(c);
            try {
                Character.UnicodeScript s = Character.UnicodeScript.forName(n);
                if (!s.name().equals(n)) data.append("scalias:").append(n).append('\t').append(s.name()).append('\n');
            } catch (IllegalArgumentException e) { }
        }
        // Blocks: ranges and every accepted spelling (upper-cased) of each name.
        LinkedHashMap<Character.UnicodeBlock, int[]> blocks = new LinkedHashMap<>();
        for (int cp = 0; cp <= 0x10FFFF; cp++) {
            Character.UnicodeBlock b = Character.UnicodeBlock.of(cp);
            if (b == null) continue;
            int[] r = blocks.get(b);
            if (r == null) blocks.put(b, new int[]{cp, cp}); else r[1] = cp;
        }
        // Every name UnicodeBlock.forName accepts, read from its private map
        // (run with --add-opens java.base/java.lang=ALL-UNNAMED).
        java.lang.reflect.Field f = Character.UnicodeBlock.class.getDeclaredField("map");
        f.setAccessible(true);
        @SuppressWarnings("unchecked")
        Map<String, Character.UnicodeBlock> blockNames = (Map<String, Character.UnicodeBlock>) f.get(null);
        for (Map.Entry<Character.UnicodeBlock, int[]> e : blocks.entrySet()) {
            String id = e.getKey().toString();
            data.append("blk:").append(id).append('\t').append(Integer.toHexString(e.getValue()[0])).append('-')
                .append(Integer.toHexString(e.getValue()[1])).append('\n');
            TreeSet<String> names = new TreeSet<>();
            for (String n : blockNames.keySet()) if (blockNames.get(n) == e.getKey()) names.add(n);
            for (String n : names) if (!n.equals(id)) data.append("blkalias:").append(n).append('\t').append(id).append('\n');
        }
        // Simple case mappings: code point, upper, lower (hex) where either differs.
        StringBuilder cm = new StringBuilder();
        for (int cp = 0; cp <= 0x10FFFF; cp++) {
            int u = Character.toUpperCase(cp), l = Character.toLowerCase(cp);
            if (u != cp || l != cp) cm.append(Integer.toHexString(cp)).append(',').append(Integer.toHexString(u)).append(',').append(Integer.toHexString(l)).append(' ');
        }
        data.append("case\t").append(cm.toString().trim()).append('\n');

        System.out.println("// Code generated by internal/gen/GenTables.java with Java " + System.getProperty("java.specification.version") + "; DO NOT EDIT.");
        System.out.println();
        System.out.println("package javaregex");
        System.out.println();
        System.out.println("// tableJavaVersion is the Java release whose java.util.regex the tables reproduce.");
        System.out.println("const tableJavaVersion = \"" + System.getProperty("java.specification.version") + "\"");
        System.out.println();
        System.out.println("// tableData holds one table a line: key, tab, space-separated hex ranges (or a target name).");
        System.out.println("const tableData = \"\" +");
        String[] lines = data.toString().split("\n");
        for (int i = 0; i < lines.length; i++) {
            System.out.println("\t\"" + lines[i].replace("\t", "\\t") + "\\n\"" + (i + 1 < lines.length ? " +" : ""));
        }
    }
}
