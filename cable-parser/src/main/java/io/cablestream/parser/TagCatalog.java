package io.cablestream.parser;

import java.util.Set;

/** Tag codes seen linked at least three times (four letters) or twice (countries) in the release's corpus. */
final class TagCatalog {

    static final Set<String> CODES = Set.of(("ABLD AEMR AFIN AMED AMGT AORC APER ASEC BBSR BEXP BTIO CASC CJAN CMGT "
            + "CONS CPAS CVIS EAGR EAID EAIR ECIN ECON ECPS EFIN EFIS EIND EINT EINV ELAB ELTN EMIN ENIV ENRG EPET "
            + "ETRD ETTC EWWT FARC FTAA GTIP IAEA ICAO ICRC KACT KAWC KAWK KBCT KBIO KBTR KCFE KCIP KCOR KCRM KDEM "
            + "KDRG KFLO KFLU KFRD KGHG KGIC KHIV KHLS KICC KIDE KIPR KIRF KISL KJUS KMCA KMDR KMPI KNNP KOLY KOMC "
            + "KPAL KPAO KPKO KPRP KRAD KSCA KSEP KSPR KSTC KSTH KSUM KTDB KTFN KTIA KTIP KUNR KVPR KWBG KWMN LTTE "
            + "MAPP MARR MASS MCAP MNUC MOPS NASA NATO NSSP ODIP OECD OEXC OIIP OPCW OPDC OPIC OPRC OREP OSCE OSCI "
            + "OTRA OVIP PARM PBTS PGOV PHSA PHUM PINR PINS PNAT PREF PREL PROP PTER SCUL SENV SMIG SNAR SOCI TBIO "
            + "TNGD TPHY TRGY TSPA TSPL UNGA UNSC USEU USTR WTRO KOCI").split(" "));
    static final Set<String> COUNTRIES = Set.of(("AA AE AF AG AJ AL AM AO AR AS AU BA BC BF BG BH BK BL BM BO BR BU "
            + "BY CA CB CD CE CF CG CH CI CM CN CO CR CS CT CU CY DA DJ DR EC EG EI EK EN ER ES ET EU EZ FI FJ FR GA "
            + "GE GG GH GM GR GT GV GY HA HO HR HU IA IC IL IN IO IR IS IT IV IZ JA JO JP KE KG KN KS KU KV KZ LE LG "
            + "LH LI LO LY MA MD MI MK ML MO MP MR MT MU MX MY MZ NA NE NG NI NK NL NO NP NS NU NZ PA PE PK PL PM PO "
            + "QA RO RP RS RU RW SA SF SG SI SL SO SP SR SU SW SY SZ TC TD TH TI TK TP TS TU TW TX TZ UG UK UN UP US "
            + "UV UY UZ VE VM VT VZ WI XA XC XD XF XG XK XL XM XR XS XT XW XY YE YI YM ZB ZF ZI ZP ZR ZU").split(" "));

    private TagCatalog() {
    }

    static boolean known(String code) {
        return CODES.contains(code) || COUNTRIES.contains(code);
    }

    /**
     * A run-together token ({@code PGOVPREL}, {@code ITPGOV}) cut into known codes, or null when it is not wholly
     * made of them: an unknown word is left as written.
     */
    static String[] split(String token) {
        int n = token.length();
        if (n < 6 || n > 64 || known(token)) {
            return null;
        }
        // cut[i]: length of the last known code ending at i, 0 when no segmentation of token[0, i) exists
        int[] cut = new int[n + 1];
        cut[0] = -1;
        for (int i = 2; i <= n; i++) {
            if (i >= 4 && cut[i - 4] != 0 && CODES.contains(token.substring(i - 4, i))) {
                cut[i] = 4;
            } else if (cut[i - 2] != 0 && COUNTRIES.contains(token.substring(i - 2, i))) {
                cut[i] = 2;
            }
        }
        if (cut[n] == 0) {
            return null;
        }
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        int codes = 0;
        for (int i = n; i > 0; i -= cut[i]) {
            parts.addFirst(token.substring(i - cut[i], i));
            codes += cut[i] == 4 ? 1 : 0;
        }
        // a word cut into country codes only (POLITICS, UNESCO) is a word: at least half must be four-letter codes
        return codes * 2 >= parts.size() ? parts.toArray(new String[0]) : null;
    }
}
