#!/usr/bin/python3
"""Build qoyar's bundled fonts: fonts/ (fonts, charsets, manifest, licence, README).

Run from anywhere, with Debian's Python (it has fontTools; a pyenv `python3`
usually does not):

    /usr/bin/python3 scripts/fonts/build.py

READS (nothing else; no network):
  * npm @fontsource/noto-sans-mongolian (tested with 5.3.0; a devDependency, so
    `npm install` puts it in node_modules): Noto Sans Mongolian v3.002, the
    2023 re-engineering for UTN #57 / GB/T 25914-2023, as WOFF:
      node_modules/@fontsource/noto-sans-mongolian/files/noto-sans-mongolian-mongolian-400-normal.woff
      node_modules/@fontsource/noto-sans-mongolian/LICENSE
    (its "mongolian" unicode-range file: U+1800-18AF, U+202F, ZWJ/ZWNJ and the
    punctuation Mongolian text uses, with the full GSUB/GPOS.)
  * Debian fonts-noto-core (tested with 20201225-1):
      /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf
      /usr/share/fonts/truetype/noto/NotoSans-Bold.ttf
      /usr/share/doc/fonts-noto-core/copyright
  * Debian fonts-noto-cjk (tested with 1:20220127+repack1-1):
      /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
      /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc
      /usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc
      /usr/share/doc/fonts-noto-cjk/copyright   (OFL 1.1 text is taken from here)
    The member font of each .ttc is found by its name table (nameID 1 must be
    "Noto Sans CJK SC" / "Noto Serif CJK SC"), not by a hard-coded index.
  * Debian unicode-data (tested with 15.0.0-1):
      /usr/share/unicode/Unihan_OtherMappings.txt.bz2  (field kTGH = 通用规范汉字表 2013)
      /usr/share/unicode/UnicodeData.txt               (which code points are assigned)
  * Python's built-in 'gb2312' codec (the GB2312 repertoire).
  * dpkg-query, only to record which package/version each source file came from.
  * fontTools (Debian python3-fonttools, tested with 4.38.0).

WRITES (everything under <repo>/fonts/, nothing else):
  fonts/NotoSansMongolian-Regular.ttf   the WOFF converted to TrueType (tables unchanged)
  fonts/NotoSans-Regular.ttf            subset (Latin, punctuation, currency, ...)
  fonts/NotoSans-Bold.ttf               subset (same code points)
  fonts/NotoSansSC-Regular.otf          Noto Sans CJK SC Regular, subset (see SC_* below)
  fonts/NotoSansSC-Bold.otf             Noto Sans CJK SC Bold, subset
  fonts/NotoSerifSC-Bold.otf            Noto Serif CJK SC Bold, subset
  fonts/charsets/<name>.txt             one code point per line, "U+XXXX", sorted
  fonts/manifest.json                   machine-readable description of the fonts
  fonts/OFL.txt                         SIL Open Font License 1.1 + copyright lines
  fonts/README.md                       human-readable description

The output is deterministic: same inputs (package versions, fontTools version)
give byte-identical files. No timestamps are written: head.modified/created are
kept from the source fonts (recalcTimestamp=False) and nothing else records the
build time.

Subsetting (fontTools.subset, the same engine as pyftsubset):
  * all OpenType layout features are kept (layout_features='*'), including
    vert/vrt2 (vertical punctuation alternates), halt/vhal/palt/vpal, kern/vkrn;
    the subsetter only drops a feature when none of its lookups can act on the
    kept glyphs (e.g. Hangul calt/ljmo/tjmo, Noto Sans rtlm), which the
    verification below re-checks;
  * hinting is kept (CFF hints, TrueType instructions); charstrings are not
    desubroutinized; outlines are not touched (verified glyph by glyph below);
  * the whole name table is kept (all IDs, languages, platforms), so family
    names stay "Noto Sans" / "Noto Sans CJK SC" / "Noto Serif CJK SC";
  * OS/2 and hhea/vhea/head metrics are kept as in the source
    (recalc_bounds=False, prune_unicode_ranges=False; fontTools only updates
    OS/2 usFirstCharIndex/usLastCharIndex from the new cmap);
  * vmtx, vhea and VORG are subset and kept; BASE is kept unchanged (it holds
    only BaseCoord format 1 values, i.e. no glyph references; checked);
  * glyph names are not kept (post format 3 for the TrueType subsets; the CJK
    fonts are CID-keyed CFF and have no glyph names anyway); DSIG is dropped
    (a signature would be invalid after subsetting);
  * CJK only: before subsetting, the GSUB/GPOS language systems other than
    each script's default and 'ZHS ' (Simplified Chinese) are removed. Those
    (JAN, KOR, ZHT, ZHH) only carry `locl` lookups that swap ideographs for
    Japanese/Korean/Traditional/Hong Kong glyph forms; keeping them pulls
    about 6,800 extra glyphs through layout closure (4.3 MB instead of 2.5 MB
    per face) that Simplified Chinese text can never reach. Every feature tag
    is still present.

Verification (the script exits non-zero, before writing manifest.json, if any
claim is false): every charset a font claims in `covers` is fully in its cmap
except the code points listed in `missing` (which must be exactly those the
source font lacks); every mapped code point has the same outline, advance and
vertical metrics as in the source; vert/vrt2 single substitutions of CJK
punctuation survive with identical outlines; name table, OS/2 and hhea metrics
and head timestamps equal the source's; files are plain sfnt (TrueType 0x00010000
or 'OTTO'), never TTC/WOFF/WOFF2.
"""

import bz2
import hashlib
import json
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import fontTools
from fontTools import subset
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "fonts"
CHARSET_DIR = OUT / "charsets"

NOTO_TT = Path("/usr/share/fonts/truetype/noto")
NOTO_OT = Path("/usr/share/fonts/opentype/noto")
UNIHAN_OTHER = Path("/usr/share/unicode/Unihan_OtherMappings.txt.bz2")
UNICODE_DATA = Path("/usr/share/unicode/UnicodeData.txt")
NOTO_CORE_COPYRIGHT = Path("/usr/share/doc/fonts-noto-core/copyright")
NOTO_CJK_COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")
MONG_PKG = ROOT / "node_modules" / "@fontsource" / "noto-sans-mongolian"
MONG_WOFF = MONG_PKG / "files" / "noto-sans-mongolian-mongolian-400-normal.woff"

TESTED_VERSIONS = {
    "fonts-noto-core": "20201225-1",
    "fonts-noto-cjk": "1:20220127+repack1-1",
    "unicode-data": "15.0.0-1",
    "fontTools": "4.38.0",
    "@fontsource/noto-sans-mongolian": "5.3.0",
}

# Language systems kept in the CJK fonts' GSUB/GPOS (besides each script's
# default language system). See the module docstring.
SC_LANGSYS_KEEP = {"ZHS "}


def die(msg):
    sys.stderr.write("build.py: ERROR: %s\n" % msg)
    sys.exit(1)


def u(cp):
    return "U+%04X" % cp


def ranges(*pairs):
    s = set()
    for a, b in pairs:
        s.update(range(a, b + 1))
    return s


# --------------------------------------------------------------------------
# Unicode data
# --------------------------------------------------------------------------

def load_assigned():
    """Set of assigned code points (UnicodeData.txt, ranges expanded)."""
    assigned = set()
    first = None
    with open(UNICODE_DATA, encoding="utf-8") as fh:
        for line in fh:
            f = line.split(";")
            cp, name = int(f[0], 16), f[1]
            if name.endswith(", First>"):
                first = cp
            elif name.endswith(", Last>"):
                assigned.update(range(first, cp + 1))
                first = None
            else:
                assigned.add(cp)
    return assigned


def load_ktgh():
    cps = set()
    with bz2.open(UNIHAN_OTHER, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            f = line.rstrip("\n").split("\t")
            if len(f) >= 3 and f[1] == "kTGH":
                cps.add(int(f[0][2:], 16))
    if len(cps) != 8105:
        die("kTGH has %d code points, expected 8105" % len(cps))
    return cps


def load_gb2312():
    """(all, hanzi): every character the gb2312 codec decodes from a 2-byte
    EUC-CN code, and the subset in rows 16-87 (0xB0A1-0xF7FE, the hanzi)."""
    all_cps, hanzi = set(), set()
    for hi in range(0xA1, 0xFF):
        for lo in range(0xA1, 0xFF):
            try:
                ch = bytes([hi, lo]).decode("gb2312")
            except UnicodeDecodeError:
                continue
            if len(ch) != 1:
                die("gb2312 %02X%02X decodes to %r" % (hi, lo, ch))
            all_cps.add(ord(ch))
            if hi >= 0xB0:
                hanzi.add(ord(ch))
    if len(hanzi) != 6763:
        die("gb2312 hanzi count %d, expected 6763" % len(hanzi))
    for cp in hanzi:
        if not unicodedata.name(chr(cp), "").startswith("CJK UNIFIED IDEOGRAPH"):
            die("gb2312 hanzi %s is not a CJK unified ideograph" % u(cp))
    return all_cps, hanzi


# --------------------------------------------------------------------------
# Packages
# --------------------------------------------------------------------------

def debian_origin(path):
    try:
        out = subprocess.run(["dpkg-query", "-S", str(path)], check=True,
                             capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        die("dpkg-query -S %s failed: %s" % (path, e))
    pkg = out.split(":", 1)[0].strip()
    ver = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], check=True,
                         capture_output=True, text=True).stdout.strip()
    if pkg in TESTED_VERSIONS and TESTED_VERSIONS[pkg] != ver:
        sys.stderr.write("build.py: warning: %s is %s; this script was tested with %s "
                         "(output will differ from the committed files)\n"
                         % (pkg, ver, TESTED_VERSIONS[pkg]))
    return pkg, ver


# --------------------------------------------------------------------------
# Fonts
# --------------------------------------------------------------------------

def open_font(path, number=None, lazy=False):
    kw = dict(recalcBBoxes=False, recalcTimestamp=False, lazy=lazy)
    if number is not None:
        kw["fontNumber"] = number
    return TTFont(str(path), **kw)


def find_ttc_member(path, family):
    coll = TTCollection(str(path), lazy=True)
    hits = [i for i, f in enumerate(coll.fonts) if f["name"].getDebugName(1) == family]
    coll.close()
    if len(hits) != 1:
        die("%s: %d members named %r" % (path, len(hits), family))
    return hits[0]


def family_name(font):
    name = font["name"]
    return name.getDebugName(16) or name.getDebugName(1)


def prune_langsys(font, keep):
    """Drop non-default language systems not in `keep` from GSUB and GPOS."""
    for tag in ("GSUB", "GPOS"):
        if tag not in font:
            continue
        for rec in font[tag].table.ScriptList.ScriptRecord:
            s = rec.Script
            s.LangSysRecord = [ls for ls in s.LangSysRecord if ls.LangSysTag in keep]
            s.LangSysCount = len(s.LangSysRecord)


def base_has_only_format1(font):
    if "BASE" not in font:
        return True
    from fontTools.misc.testTools import getXML
    xml = getXML(font["BASE"].toXML, font)
    return not any('Format="2"' in l or 'Format="3"' in l for l in xml if "BaseCoord" in l)


def subset_font(src, number, unicodes, out_path, cjk):
    font = open_font(src, number)
    if cjk:
        prune_langsys(font, SC_LANGSYS_KEEP)
    opts = subset.Options(
        layout_features=["*"],
        layout_scripts=["*"],
        name_IDs=["*"],
        name_languages=["*"],
        name_legacy=True,
        hinting=True,
        desubroutinize=False,
        glyph_names=False,
        legacy_kern=False,
        notdef_glyph=True,
        notdef_outline=True,
        recalc_bounds=False,
        recalc_timestamp=False,
        prune_unicode_ranges=False,
        recalc_average_width=False,
        recalc_max_context=False,
        ignore_missing_unicodes=True,
        retain_gids=False,
        flavor=None,
    )
    if "BASE" in font:
        if not base_has_only_format1(font):
            die("%s: BASE references glyphs; cannot keep it unsubset" % src)
        opts.drop_tables = [t for t in opts.drop_tables if t != "BASE"]
        opts.no_subset_tables = opts.no_subset_tables + ["BASE"]
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=sorted(unicodes))
    sub.subset(font)
    font.flavor = None
    font.save(str(out_path))
    font.close()


def npm_origin(pkg_dir):
    """(name, version) from an npm package's package.json."""
    meta = json.loads((pkg_dir / "package.json").read_text(encoding="utf-8"))
    name, ver = meta["name"], meta["version"]
    if name in TESTED_VERSIONS and TESTED_VERSIONS[name] != ver:
        sys.stderr.write("build.py: warning: %s is %s; this script was tested with %s\n"
                         % (name, ver, TESTED_VERSIONS[name]))
    return name, ver


def woff_to_ttf(src, out_path):
    """Unwrap a WOFF (zlib per table) into a plain sfnt; no table is changed."""
    font = open_font(src)
    if font.flavor != "woff":
        die("%s: expected WOFF, got flavor %r" % (src, font.flavor))
    font.flavor = None
    font.save(str(out_path), reorderTables=True)
    font.close()


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# --------------------------------------------------------------------------
# Verification helpers
# --------------------------------------------------------------------------

def glyph_program(font, gname):
    pen = DecomposingRecordingPen(font.getGlyphSet())
    font.getGlyphSet()[gname].draw(pen)
    return pen.value


def single_subst(font, feature):
    """{glyph: glyph} of all single substitutions under `feature` in GSUB."""
    m = {}
    if "GSUB" not in font:
        return m
    t = font["GSUB"].table
    idx = set()
    for fr in t.FeatureList.FeatureRecord:
        if fr.FeatureTag == feature:
            idx.update(fr.Feature.LookupListIndex)
    for i in sorted(idx):
        lk = t.LookupList.Lookup[i]
        for st in lk.SubTable:
            if lk.LookupType == 7:
                st = st.ExtSubTable
            if getattr(st, "mapping", None):
                for k, v in st.mapping.items():
                    m.setdefault(k, v)
    return m


def feature_can_fire(font, feature, retained):
    """Whether any lookup of GSUB `feature` in `font` could apply when only the
    glyphs in `retained` exist. None if a lookup type is not understood."""
    t = font["GSUB"].table
    for fr in t.FeatureList.FeatureRecord:
        if fr.FeatureTag != feature:
            continue
        for i in fr.Feature.LookupListIndex:
            lk = t.LookupList.Lookup[i]
            for st in lk.SubTable:
                typ = lk.LookupType
                if typ == 7:
                    st, typ = st.ExtSubTable, st.ExtensionLookupType
                if typ == 1:
                    inputs = set(st.mapping)
                elif typ == 3:
                    inputs = set(st.alternates)
                elif typ == 4:
                    inputs = set(st.ligatures)
                elif typ == 6 and st.Format == 3:
                    covs = st.BacktrackCoverage + st.InputCoverage + st.LookAheadCoverage
                    if all(set(c.glyphs) & retained for c in covs):
                        return True
                    continue
                else:
                    return None
                if inputs & retained:
                    return True
    return False


OS2_FIELDS = ["usWeightClass", "usWidthClass", "fsType", "fsSelection",
              "sTypoAscender", "sTypoDescender", "sTypoLineGap",
              "usWinAscent", "usWinDescent", "xAvgCharWidth", "sxHeight", "sCapHeight",
              "ulUnicodeRange1", "ulUnicodeRange2", "ulUnicodeRange3", "ulUnicodeRange4",
              "ulCodePageRange1", "ulCodePageRange2", "achVendID", "panose"]
HHEA_FIELDS = ["ascent", "descent", "lineGap"]
VHEA_FIELDS = ["ascent", "descent", "lineGap"]
HEAD_FIELDS = ["unitsPerEm", "created", "modified", "fontRevision", "macStyle"]


def gdef_classifies_none(src, out, cmap, src_cmap):
    """Whether the source GDEF gives no class to any glyph the subset kept, so
    the subsetter may drop it (the Hangul-only subset of Noto Sans CJK KR)."""
    retained = set(out.getGlyphOrder()) if "CFF " in out else {src_cmap[cp] for cp in cmap}
    gdef = src["GDEF"].table
    classed = set()
    for cd in (gdef.GlyphClassDef, getattr(gdef, "MarkAttachClassDef", None)):
        if cd is not None:
            classed.update(cd.classDefs)
    return not (classed & retained)


def gpos_feature_touches(font, feature, retained):
    """Whether any subtable of GPOS `feature` covers a glyph in `retained`
    (a feature may vanish from a subset only if it positions none of them)."""
    t = font["GPOS"].table
    for fr in t.FeatureList.FeatureRecord:
        if fr.FeatureTag != feature:
            continue
        for i in fr.Feature.LookupListIndex:
            lk = t.LookupList.Lookup[i]
            for st in lk.SubTable:
                if lk.LookupType == 9:
                    st = st.ExtSubTable
                for attr in ("Coverage", "MarkCoverage", "BaseCoverage", "LigatureCoverage",
                             "Mark1Coverage", "Mark2Coverage"):
                    cov = getattr(st, attr, None)
                    if cov is not None and set(cov.glyphs) & retained:
                        return True
                for attr in ("BacktrackCoverage", "InputCoverage", "LookAheadCoverage"):
                    for cov in getattr(st, attr, None) or []:
                        if set(cov.glyphs) & retained:
                            return True
    return False


def verify_font(spec, charsets, src_cmap):
    """Check every claim about one output font; return facts for the manifest."""
    path = OUT / spec["file"]
    data = path.read_bytes()
    magic = data[:4]
    if magic not in (b"\x00\x01\x00\x00", b"OTTO"):
        die("%s: not a plain TrueType/OpenType file (magic %r)" % (path, magic))
    out = open_font(path)
    src = open_font(spec["src"], spec.get("fontNumber"))
    fmt = "opentype-cff" if "CFF " in out else "truetype"
    if fmt != spec["format"]:
        die("%s: format %s, expected %s" % (path, fmt, spec["format"]))
    if (magic == b"OTTO") != (fmt == "opentype-cff"):
        die("%s: magic does not match outline format" % path)
    cmap = out.getBestCmap()

    # Coverage claims.
    missing = {}
    for cs in spec["covers"]:
        want = charsets[cs]["cps"]
        lacking_src = sorted(want - set(src_cmap))
        lacking_out = sorted(want - set(cmap))
        if lacking_out != lacking_src:
            die("%s: charset %s lacks %s, but the source only lacks %s"
                % (path, cs, [u(c) for c in lacking_out][:20], [u(c) for c in lacking_src][:20]))
        if lacking_out:
            missing[cs] = [u(c) for c in lacking_out]
    if not set(cmap) <= set(src_cmap):
        die("%s: maps code points the source does not" % path)

    # Outlines and metrics, for every mapped code point.
    out_gs, src_gs = out.getGlyphSet(), src.getGlyphSet()
    src_vmtx = src["vmtx"].metrics if "vmtx" in src else None
    out_vmtx = out["vmtx"].metrics if "vmtx" in out else None
    if (src_vmtx is None) != (out_vmtx is None):
        die("%s: vmtx presence differs from source" % path)
    if ("VORG" in src) != ("VORG" in out) or ("vhea" in src) != ("vhea" in out):
        die("%s: VORG/vhea presence differs from source" % path)
    pairs = [(cmap[cp], src_cmap[cp]) for cp in sorted(cmap)]
    if spec["format"] == "opentype-cff" and "GSUB" in src:
        for feat in ("vert", "vrt2"):
            s_m, o_m = single_subst(src, feat), single_subst(out, feat)
            if not o_m:
                die("%s: no %s substitutions left" % (path, feat))
            for ch in "，。、：；！？（）「」『』《》【】〈〉〔〕～—…‘’“”":
                cp = ord(ch)
                sg, og = src_cmap.get(cp), cmap.get(cp)
                if sg in s_m:
                    if og not in o_m:
                        die("%s: %s of %s lost" % (path, feat, u(cp)))
                    pairs.append((o_m[og], s_m[sg]))
    for og, sg in pairs:
        if glyph_program(out, og) != glyph_program(src, sg):
            die("%s: outline of %s differs from source %s" % (path, og, sg))
        if out["hmtx"][og] != src["hmtx"][sg]:
            die("%s: hmtx of %s differs" % (path, og))
        if out_vmtx is not None and out_vmtx[og] != src_vmtx[sg]:
            die("%s: vmtx of %s differs" % (path, og))
        if "VORG" in out and out["VORG"][og] != src["VORG"][sg]:
            die("%s: VORG of %s differs" % (path, og))

    # Tables and metrics that must be unchanged.
    for tag in ("GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG"):
        if (tag in src) and (tag not in out) and not (tag == "GDEF" and gdef_classifies_none(src, out, cmap, src_cmap)):
            die("%s: table %s dropped" % (path, tag))
    for tag, fields in (("OS/2", OS2_FIELDS), ("hhea", HHEA_FIELDS),
                        ("vhea", VHEA_FIELDS), ("head", HEAD_FIELDS)):
        if tag not in src:
            continue
        for fld in fields:
            a, b = getattr(src[tag], fld, None), getattr(out[tag], fld, None)
            if fld == "panose":
                a, b = vars(a) if a else a, vars(b) if b else b
            if a != b:
                die("%s: %s.%s changed (%r -> %r)" % (path, tag, fld, a, b))
    src_names = sorted((n.platformID, n.platEncID, n.langID, n.nameID, n.toUnicode())
                       for n in src["name"].names)
    out_names = sorted((n.platformID, n.platEncID, n.langID, n.nameID, n.toUnicode())
                       for n in out["name"].names)
    if src_names != out_names:
        die("%s: name table differs from source" % path)
    # Source glyph names of what the subset kept: CID-keyed CFF subsets keep
    # the source's "cidNNNNN" names; for TrueType (names dropped) use the cmap.
    if "CFF " in out:
        retained_src = set(out.getGlyphOrder())
        if not retained_src <= set(src.getGlyphOrder()):
            die("%s: glyph names not from source" % path)
    else:
        retained_src = {src_cmap[cp] for cp in cmap}
    lost_features, lost_gpos = [], []
    if "GSUB" in src:
        sf = {fr.FeatureTag for fr in src["GSUB"].table.FeatureList.FeatureRecord}
        of = {fr.FeatureTag for fr in out["GSUB"].table.FeatureList.FeatureRecord}
        for feat in sorted(sf - of):
            # A feature may only vanish if it never applied to the kept code
            # points (e.g. Noto Sans 'rtlm' only mirrors U+2140).
            fires = feature_can_fire(src, feat, retained_src)
            if fires is not False:
                die("%s: GSUB feature %s lost (can fire: %s)" % (path, feat, fires))
            lost_features.append(feat)
    if "GPOS" in src:
        sf = {fr.FeatureTag for fr in src["GPOS"].table.FeatureList.FeatureRecord}
        of = {fr.FeatureTag for fr in out["GPOS"].table.FeatureList.FeatureRecord}
        touching = sorted(f for f in sf - of if gpos_feature_touches(src, f, retained_src))
        if touching:
            die("%s: GPOS features %s lost" % (path, touching))
        lost_gpos = sorted(sf - of)

    weight = out["OS/2"].usWeightClass
    if weight != spec["weight"]:
        die("%s: usWeightClass %d, expected %d" % (path, weight, spec["weight"]))
    if out["OS/2"].fsSelection & 1 or out["head"].macStyle & 2:
        die("%s: italic, expected normal" % path)
    facts = {
        "family": family_name(out),
        "glyphs": len(out.getGlyphOrder()),
        "codepoints": len(cmap),
        "fontVersion": out["name"].getDebugName(5),
        "missing": missing,
        "lostFeatures": lost_features,
        "lostGposFeatures": lost_gpos,
        "gsubFeatures": sorted({fr.FeatureTag for fr in out["GSUB"].table.FeatureList.FeatureRecord}) if "GSUB" in out else [],
        "tables": sorted(t for t in out.keys() if t != "GlyphOrder"),
        "copyright": out["name"].getDebugName(0),
        "trademark": out["name"].getDebugName(7),
    }
    out.close()
    src.close()
    return facts


# --------------------------------------------------------------------------
# Licence text
# --------------------------------------------------------------------------

def ofl_body_from_debian(copyright_file):
    """The OFL 1.1 text from the 'License: SIL-1.1' stanza of a DEP-5 file."""
    lines = Path(copyright_file).read_text(encoding="utf-8").splitlines()
    # The stand-alone licence paragraph: "License: SIL-1.1" followed by the
    # indented text (the Files: paragraphs only name the licence).
    starts = [i for i, l in enumerate(lines[:-1])
              if l == "License: SIL-1.1" and lines[i + 1].startswith(" ")]
    if len(starts) != 1:
        die("%s: no single 'License: SIL-1.1' text paragraph" % copyright_file)
    start = starts[0]
    body = []
    for line in lines[start + 1:]:
        if not line.startswith(" "):
            break
        line = line[1:]
        body.append("" if line == "." else line)
    text = "\n".join(body).strip("\n") + "\n"
    for needle in ("SIL OPEN FONT LICENSE Version 1.1 - 26 February 2007", "PREAMBLE",
                   "PERMISSION & CONDITIONS", "TERMINATION", "DISCLAIMER",
                   "OTHER DEALINGS IN THE FONT SOFTWARE."):
        if needle not in text:
            die("OFL text from %s lacks %r" % (copyright_file, needle))
    return text


def debian_copyright_lines(copyright_file):
    """Copyright lines of the 'Files: *' stanza of a DEP-5 file."""
    lines = Path(copyright_file).read_text(encoding="utf-8").splitlines()
    out, in_star, in_copy = [], False, False
    for line in lines:
        if line.startswith("Files:"):
            in_star = line.strip() == "Files: *"
            in_copy = False
            continue
        if not in_star:
            continue
        if line.startswith("Copyright:"):
            in_copy = True
            rest = line[len("Copyright:"):].strip()
            if rest:
                out.append(rest)
            continue
        if in_copy and line.startswith(" "):
            out.append(line.strip())
        else:
            in_copy = False
    return out


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def write_charset(name, cps, header):
    lines = ["# %s" % h for h in header]
    lines.append("# %d code points, one per line, sorted" % len(cps))
    lines += [u(cp) for cp in sorted(cps)]
    (CHARSET_DIR / ("%s.txt" % name)).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main():
    if fontTools.version != TESTED_VERSIONS["fontTools"]:
        sys.stderr.write("build.py: warning: fontTools %s; tested with %s (output bytes may differ)\n"
                         % (fontTools.version, TESTED_VERSIONS["fontTools"]))
    OUT.mkdir(exist_ok=True)
    CHARSET_DIR.mkdir(exist_ok=True)

    src_mong = MONG_WOFF
    src_sans_r = NOTO_TT / "NotoSans-Regular.ttf"
    src_sans_b = NOTO_TT / "NotoSans-Bold.ttf"
    src_cjk_sans_r = NOTO_OT / "NotoSansCJK-Regular.ttc"
    src_cjk_sans_b = NOTO_OT / "NotoSansCJK-Bold.ttc"
    src_cjk_serif_b = NOTO_OT / "NotoSerifCJK-Bold.ttc"
    for p in (src_mong, src_sans_r, src_sans_b, src_cjk_sans_r, src_cjk_sans_b, src_cjk_serif_b,
              UNIHAN_OTHER, UNICODE_DATA, NOTO_CORE_COPYRIGHT, NOTO_CJK_COPYRIGHT):
        if not p.exists():
            die("missing input %s (npm install; install fonts-noto-core, fonts-noto-cjk, unicode-data)" % p)

    n_sans_r = find_ttc_member(src_cjk_sans_r, "Noto Sans CJK SC")
    n_sans_b = find_ttc_member(src_cjk_sans_b, "Noto Sans CJK SC")
    n_serif_b = find_ttc_member(src_cjk_serif_b, "Noto Serif CJK SC")

    def cmap_of(path, number=None):
        f = open_font(path, number, lazy=True)
        c = dict(f.getBestCmap())
        f.close()
        return c

    cmaps = {
        "mong": cmap_of(src_mong),
        "sans_r": cmap_of(src_sans_r),
        "sans_b": cmap_of(src_sans_b),
        "sc_sans_r": cmap_of(src_cjk_sans_r, n_sans_r),
        "sc_sans_b": cmap_of(src_cjk_sans_b, n_sans_b),
        "sc_serif_b": cmap_of(src_cjk_serif_b, n_serif_b),
    }

    # ---- charsets --------------------------------------------------------
    assigned = load_assigned()
    ktgh = load_ktgh()
    gb_all, gb_hanzi = load_gb2312()
    unihan_pkg, unihan_ver = debian_origin(UNIHAN_OTHER)

    mong_block = ranges((0x1800, 0x18AF))
    mong_cps = {cp for cp in cmaps["mong"] if cp in mong_block}
    mong_cps |= {cp for cp in (0x202F, 0x200C, 0x200D) if cp in cmaps["mong"]}
    mong_uncovered = sorted(cp for cp in mong_block if cp in assigned and cp not in cmaps["mong"])

    charsets = {
        "tongyong-8105": dict(cps=ktgh, desc="通用规范汉字表 (2013), all 8105 characters, from Unihan kTGH", header=[
            "charset: tongyong-8105",
            "通用规范汉字表 (Table of General Standard Chinese Characters, 2013): all 8105 characters",
            "source: Unihan field kTGH, %s (%s %s)" % (UNIHAN_OTHER, unihan_pkg, unihan_ver),
            "%d of them are outside the BMP" % sum(1 for c in ktgh if c > 0xFFFF)]),
        "gb2312": dict(cps=gb_all, desc="GB 2312-1980, all characters (symbols + hanzi) the Python gb2312 codec decodes", header=[
            "charset: gb2312",
            "GB 2312-1980: every character that Python's 'gb2312' codec decodes from a 2-byte code",
            "(rows 1-9 symbols, rows 16-87 hanzi). Codec mapping: A1A4 -> U+30FB, A1AA -> U+2015",
            "source: Python %s codecs, gb2312" % sys.version.split()[0]]),
        "gb2312-hanzi": dict(cps=gb_hanzi, desc="GB 2312-1980 hanzi only (rows 16-87)", header=[
            "charset: gb2312-hanzi",
            "GB 2312-1980 hanzi only (rows 16-87, EUC-CN B0A1-F7FE): 6763 characters",
            "source: Python %s codecs, gb2312" % sys.version.split()[0]]),
        "cjk-punctuation": dict(
            desc="U+3000-303F, assigned and mapped by Noto Sans CJK SC",
            cps={cp for cp in ranges((0x3000, 0x303F)) if cp in assigned and cp in cmaps["sc_sans_r"]},
            header=["charset: cjk-punctuation",
                    "CJK Symbols and Punctuation U+3000-303F: assigned code points (UnicodeData.txt)",
                    "that Noto Sans CJK SC (%s #%d) maps" % (src_cjk_sans_r, n_sans_r)]),
        "fullwidth-forms": dict(desc="U+FF01-FF5E, U+FFE0-FFE6", cps=ranges((0xFF01, 0xFF5E), (0xFFE0, 0xFFE6)), header=[
            "charset: fullwidth-forms",
            "Halfwidth and Fullwidth Forms: fullwidth ASCII U+FF01-FF5E and fullwidth signs U+FFE0-FFE6"]),
        "vertical-forms": dict(
            desc="U+FE10-FE19, U+FE30-FE4F (assigned)",
            cps={cp for cp in ranges((0xFE10, 0xFE19), (0xFE30, 0xFE4F)) if cp in assigned},
            header=["charset: vertical-forms",
                    "Vertical Forms U+FE10-FE19 and CJK Compatibility Forms U+FE30-FE4F (assigned ones)"]),
        "ascii": dict(desc="U+0020-007E", cps=ranges((0x20, 0x7E)), header=[
            "charset: ascii", "Basic Latin, printable: U+0020-007E"]),
        "latin-1": dict(desc="U+00A0-00FF", cps=ranges((0xA0, 0xFF)), header=[
            "charset: latin-1", "Latin-1 Supplement: U+00A0-00FF"]),
        "mongolian": dict(cps=mong_cps, desc="what Noto Sans Mongolian maps in U+1800-18AF, plus U+202F, U+200C, U+200D", header=[
            "charset: mongolian",
            "what Noto Sans Mongolian (%s) really maps: its code points in" % (Path(src_mong).relative_to(ROOT) if Path(src_mong).is_relative_to(ROOT) else src_mong),
            "U+1800-18AF plus U+202F NNBSP, U+200C ZWNJ, U+200D ZWJ where mapped",
            "assigned in U+1800-18AF but NOT mapped by the font: %s"
            % (", ".join(u(c) for c in mong_uncovered) or "none")]),
    }
    if len(charsets["tongyong-8105"]["cps"]) != 8105:
        die("tongyong-8105 must have 8105 code points")

    # ---- subset code point lists ----------------------------------------
    latin_unicodes = ranges(
        (0x0020, 0x007E), (0x00A0, 0x00FF), (0x0100, 0x017F),   # ASCII, Latin-1, Latin Ext-A
        (0x0192, 0x0192), (0x01CD, 0x01DC), (0x01F8, 0x01F9),   # ƒ, pinyin ǎǐǒǔǖǘǚǜ, ǹ
        (0x0218, 0x021B),                                       # Romanian ș ț
        (0x02BC, 0x02BC), (0x02C6, 0x02C7), (0x02C9, 0x02CB), (0x02D8, 0x02DD),  # spacing accents
        (0x0300, 0x036F),                                       # combining diacritics
        (0x1E3E, 0x1E3F),                                       # pinyin ḿ
        (0x2000, 0x206F),                                       # General Punctuation
        (0x2070, 0x209F),                                       # super-/subscripts
        (0x20A0, 0x20CF),                                       # Currency Symbols
        (0x2103, 0x2103), (0x2109, 0x2109), (0x2113, 0x2113), (0x2116, 0x2117),
        (0x2122, 0x2122), (0x2126, 0x2126), (0x212E, 0x212E),   # ℃ ℉ ℓ № ℗ ™ Ω ℮
        (0x25CC, 0x25CC), (0xFEFF, 0xFEFF), (0xFFFD, 0xFFFD),   # dotted circle, BOM, �
    )
    latin_desc = ("U+0020-007E, U+00A0-017F (Latin-1, Latin Extended-A), ƒ, pinyin tone letters "
                  "U+01CD-01DC/U+01F8-01F9/U+1E3E-1E3F, Romanian U+0218-021B, spacing accents, "
                  "combining diacritics U+0300-036F, General Punctuation U+2000-206F, super/subscripts "
                  "U+2070-209F, Currency Symbols U+20A0-20CF, ℃ ℉ ℓ № ℗ ™ Ω ℮, U+25CC, U+FEFF, U+FFFD "
                  "(only what the source maps); all layout features; hinting kept")

    sc_extra = ranges(
        (0x00A0, 0x00A0), (0x00B7, 0x00B7),                     # NBSP, middle dot
        (0x2010, 0x2027), (0x2030, 0x2030), (0x2032, 0x2033), (0x2035, 0x2035),
        (0x2039, 0x203C), (0x2042, 0x2042), (0x2047, 0x2049),   # dashes, quotes, …, ‧, ‰, ※
        (0x2103, 0x2103), (0x2116, 0x2116), (0x2121, 0x2121),   # ℃ № ℡
        (0x2160, 0x216B), (0x2170, 0x2179),                     # Roman numerals
        (0x2190, 0x2199),                                       # arrows
        (0x2460, 0x249B),                                       # ①… ⑴… ⒈…
        (0x2E3A, 0x2E3B),                                       # two/three-em dash
        (0x2FF0, 0x2FFB),                                       # ideographic description
        (0x3220, 0x3229), (0x3231, 0x3231), (0x32A3, 0x32A3),   # ㈠-㈩ ㈱ ㊣
    )
    sc_unicodes = (ktgh | gb_all | ranges((0x3000, 0x303F), (0xFF00, 0xFFEF), (0xFE10, 0xFE1F),
                                          (0xFE30, 0xFE4F), (0x0020, 0x007E)) | sc_extra)
    sc_desc = ("通用规范汉字表 8105 (Unihan kTGH, incl. %d non-BMP) ∪ GB2312 (all %d) ∪ "
               "U+3000-303F ∪ U+FF00-FFEF ∪ U+FE10-FE1F ∪ U+FE30-FE4F ∪ U+0020-007E ∪ "
               "U+00A0, U+00B7, dashes/quotes/…/‧/‰/※ (U+2010-2049), ℃ № ℡, Roman numerals, "
               "arrows U+2190-2199, enclosed numbers U+2460-249B, U+2E3A-2E3B, ideographic "
               "description U+2FF0-2FFB, ㈠-㈩ ㈱ ㊣; all layout features (vert/vrt2 etc.) and "
               "vhea/vmtx/VORG/BASE kept; GSUB/GPOS language systems other than default and ZHS "
               "removed (drops JAN/KOR/ZHT/ZHH locl glyph variants)"
               % (sum(1 for c in ktgh if c > 0xFFFF), len(gb_all)))

    sc_covers = ["tongyong-8105", "gb2312", "gb2312-hanzi", "cjk-punctuation",
                 "fullwidth-forms", "vertical-forms", "ascii"]
    specs = [
        dict(id="noto-sans-mongolian", file="NotoSansMongolian-Regular.ttf", src=src_mong,
             format="truetype", weight=400, role="mongolian", covers=["mongolian"],
             cmap="mong", unicodes=None, subset=None, npm=MONG_PKG),
        dict(id="noto-sans-regular", file="NotoSans-Regular.ttf", src=src_sans_r,
             format="truetype", weight=400, role="latin", covers=["ascii", "latin-1"],
             cmap="sans_r", unicodes=latin_unicodes, subset=latin_desc),
        dict(id="noto-sans-bold", file="NotoSans-Bold.ttf", src=src_sans_b,
             format="truetype", weight=700, role="latin", covers=["ascii", "latin-1"],
             cmap="sans_b", unicodes=latin_unicodes, subset=latin_desc),
        dict(id="noto-sans-sc-regular", file="NotoSansSC-Regular.otf", src=src_cjk_sans_r,
             fontNumber=n_sans_r, format="opentype-cff", weight=400, role="han-sans",
             covers=sc_covers, cmap="sc_sans_r", unicodes=sc_unicodes, subset=sc_desc, cjk=True),
        dict(id="noto-sans-sc-bold", file="NotoSansSC-Bold.otf", src=src_cjk_sans_b,
             fontNumber=n_sans_b, format="opentype-cff", weight=700, role="han-sans",
             covers=sc_covers, cmap="sc_sans_b", unicodes=sc_unicodes, subset=sc_desc, cjk=True),
        dict(id="noto-serif-sc-bold", file="NotoSerifSC-Bold.otf", src=src_cjk_serif_b,
             fontNumber=n_serif_b, format="opentype-cff", weight=700, role="han-serif",
             covers=sc_covers, cmap="sc_serif_b", unicodes=sc_unicodes, subset=sc_desc, cjk=True),
    ]
    extra_charsets, extra_cmaps, extra_specs = script_fonts(assigned)
    charsets.update(extra_charsets)
    cmaps.update(extra_cmaps)
    specs += extra_specs

    # ---- charsets to disk -------------------------------------------------
    for name in sorted(charsets):
        write_charset(name, charsets[name]["cps"], charsets[name]["header"])

    # ---- fonts --------------------------------------------------------------
    for spec in specs:
        out_path = OUT / spec["file"]
        print("building %s" % spec["file"], flush=True)
        if spec["unicodes"] is None:
            woff_to_ttf(spec["src"], out_path)
        else:
            subset_font(spec["src"], spec.get("fontNumber"), spec["unicodes"], out_path,
                        spec.get("cjk", False))

    # ---- verify, then manifest ---------------------------------------------
    entries, facts_by_id = [], {}
    for spec in specs:
        print("verifying %s" % spec["file"], flush=True)
        facts = verify_font(spec, charsets, cmaps[spec["cmap"]])
        facts_by_id[spec["id"]] = facts
        if "npm" in spec:
            pkg, ver = npm_origin(spec["npm"])
            source = {"npmPackage": pkg, "npmVersion": ver,
                      "path": str(spec["src"].relative_to(ROOT)),
                      "sha256": sha256(spec["src"]), "conversion": "WOFF to TrueType (fontTools; tables unchanged)"}
        else:
            pkg, ver = debian_origin(spec["src"])
            source = {"debianPackage": pkg, "debianVersion": ver, "path": str(spec["src"])}
        if "fontNumber" in spec:
            source["fontNumber"] = spec["fontNumber"]
        source["subset"] = spec["subset"]
        if spec["subset"] is not None and facts["lostFeatures"]:
            source["subset"] += ("; GSUB features %s dropped (they only act on characters "
                                 "outside the subset, verified)" % "/".join(facts["lostFeatures"]))
        if spec["subset"] is not None and facts["lostGposFeatures"]:
            source["subset"] += ("; GPOS features %s dropped (they position no kept glyph, verified)"
                                 % "/".join(facts["lostGposFeatures"]))
        entry = {
            "id": spec["id"],
            "family": facts["family"],
            "file": spec["file"],
            "format": spec["format"],
            "weight": spec["weight"],
            "style": "normal",
            "role": spec["role"],
            "covers": spec["covers"],
        }
        if facts["missing"]:
            entry["missing"] = facts["missing"]
        entry.update({
            "glyphs": facts["glyphs"],
            "codepoints": facts["codepoints"],
            "fontVersion": facts["fontVersion"],
            "source": source,
            "bytes": (OUT / spec["file"]).stat().st_size,
            "sha256": sha256(OUT / spec["file"]),
            "license": "OFL-1.1",
            "licenseFile": "OFL.txt",
        })
        if spec["id"] == "noto-sans-mongolian":
            entry["note"] = mongolian_note(OUT / spec["file"], mong_uncovered)
        entries.append(entry)

    manifest = {"version": 1, "fonts": entries}
    (OUT / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n",
                                       encoding="utf-8")

    # ---- licence ------------------------------------------------------------
    ofl = ofl_body_from_debian(NOTO_CJK_COPYRIGHT)
    head = ["Fonts in this directory and their copyright notices",
            "=" * 52, ""]
    seen = set()
    for spec, entry in zip(specs, entries):
        f = facts_by_id[spec["id"]]
        head.append("%s (%s):" % (spec["file"], entry["family"]))
        head.append("  %s" % f["copyright"])
        if f["trademark"]:
            head.append("  %s" % f["trademark"])
        head.append("")
    head.append("Debian's copyright files for the packages these fonts come from state:")
    head.append("  fonts-noto-core (%s): Copyright %s"
                % (NOTO_CORE_COPYRIGHT, "; ".join(debian_copyright_lines(NOTO_CORE_COPYRIGHT))))
    head.append("  fonts-noto-cjk (%s): Copyright %s"
                % (NOTO_CJK_COPYRIGHT, "; ".join(debian_copyright_lines(NOTO_CJK_COPYRIGHT))))
    head.append("  @fontsource/noto-sans-mongolian (%s): %s"
                % (MONG_PKG.relative_to(ROOT) / "LICENSE",
                   (MONG_PKG / "LICENSE").read_text(encoding="utf-8").splitlines()[0]))
    head.append("")
    head.append("Some upstream distributions of Noto Sans/Serif CJK state the copyright as")
    head.append("\"Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name")
    head.append("'Source'\". No font in this directory uses the name \"Source\".")
    head.append("")
    head.append("The Noto*SC-*.otf and NotoSans-*.ttf files are Modified Versions (subsets) of")
    head.append("the original fonts; NotoSansMongolian-Regular.ttf is the upstream WOFF unwrapped to\n"
                "TrueType, every table unchanged. See README.md.")
    head.append("NotoSansKR-*.otf, NotoNaskhArabic-*.ttf and NotoSerifTibetan-*.ttf are Modified Versions")
    head.append("(subsets) too.")
    head.append("")
    head.append("This Font Software is licensed under the SIL Open Font License, Version 1.1.")
    head.append("This license is copied below, and is also available with a FAQ at:")
    head.append("https://openfontlicense.org")
    head.append("")
    head.append("")
    (OUT / "OFL.txt").write_text("\n".join(head) + "\n" + ofl, encoding="utf-8")

    # ---- README ---------------------------------------------------------------
    write_readme(specs, entries, charsets, mong_uncovered)
    print("done")


# --------------------------------------------------------------------------
# Korean, Uyghur/Kazakh (Arabic script) and Tibetan faces (issue 17).
# Self-contained: main() only adds what this returns to its charsets, cmaps
# and specs, after the Mongolian/Latin/Han ones (write_readme indexes those).
# --------------------------------------------------------------------------

# Uyghur (UEY, 32 letters with hamza-on-yeh) and Kazakh Arabic-script letters,
# incl. the high hamza U+0674 and the hamza ligatures U+0675-0678 Kazakh uses.
UYGHUR_LETTERS = "ئاەبپتجچخدرزژسشغفقكگڭلمنھوۇۆۈۋېىي"
KAZAKH_EXTRA = "\u0674\u0675\u0676\u0677\u0678\u062d\u0639\u0647"
ARABIC_PUNCTUATION = "\u060c\u061b\u061f\u066a\u066b\u066c\u06d4\u0640\u00ab\u00bb"


def script_font_sources():
    return {
        "kr_r": (NOTO_OT / "NotoSansCJK-Regular.ttc", "Noto Sans CJK KR"),
        "kr_b": (NOTO_OT / "NotoSansCJK-Bold.ttc", "Noto Sans CJK KR"),
        "naskh_r": (NOTO_TT / "NotoNaskhArabic-Regular.ttf", None),
        "naskh_b": (NOTO_TT / "NotoNaskhArabic-Bold.ttf", None),
        "tibt_r": (NOTO_TT / "NotoSerifTibetan-Regular.ttf", None),
        "tibt_b": (NOTO_TT / "NotoSerifTibetan-Bold.ttf", None),
    }


def script_fonts(assigned):
    """(charsets, cmaps, specs) for the Korean, Arabic-script and Tibetan faces."""
    sources = script_font_sources()
    numbers, cmaps = {}, {}
    for key, (path, family) in sources.items():
        if not path.exists():
            die("missing input %s (install fonts-noto-core, fonts-noto-cjk)" % path)
        numbers[key] = find_ttc_member(path, family) if family else None
        f = open_font(path, numbers[key], lazy=True)
        cmaps[key] = dict(f.getBestCmap())
        f.close()

    def mapped(cps, key):
        return {cp for cp in cps if cp in cmaps[key]}

    syllables = ranges((0xAC00, 0xD7A3))
    jamo = {cp for cp in ranges((0x1100, 0x11FF), (0x3131, 0x318E), (0xA960, 0xA97F), (0xD7B0, 0xD7FF))
            if cp in assigned}
    uyghur_kazakh = {ord(c) for c in UYGHUR_LETTERS + KAZAKH_EXTRA}
    arabic_punct = {ord(c) for c in ARABIC_PUNCTUATION}
    tibetan = {cp for cp in ranges((0x0F00, 0x0FFF)) if cp in assigned}
    if len(syllables) != 11172:
        die("hangul-syllables must have 11172 code points")

    charsets = {
        "hangul-syllables": dict(cps=syllables, desc="U+AC00-D7A3, all 11172 precomposed Hangul syllables", header=[
            "charset: hangul-syllables", "Hangul Syllables U+AC00-D7A3: all 11172 precomposed syllables"]),
        "hangul-jamo": dict(cps=jamo, desc="Hangul Jamo U+1100-11FF, Compatibility Jamo U+3131-318E, Jamo Extended-A/B (assigned)", header=[
            "charset: hangul-jamo",
            "Hangul Jamo U+1100-11FF, Hangul Compatibility Jamo U+3131-318E,",
            "Hangul Jamo Extended-A U+A960-A97F and Extended-B U+D7B0-D7FF: assigned code points (UnicodeData.txt)"]),
        "uyghur-kazakh": dict(cps=uyghur_kazakh, desc="the letters of the Uyghur (UEY) and Kazakh Arabic-script alphabets", header=[
            "charset: uyghur-kazakh",
            "Uyghur Ereb Yéziqi (UEY) letters, incl. U+0626 hamza-on-yeh as a letter, and the",
            "Kazakh Arabic-script letters beyond them: U+0674 high hamza, U+0675-0678, U+062D, U+0639, U+0647"]),
        "arabic-punctuation": dict(cps=arabic_punct, desc="، ؛ ؟ ٪ ٫ ٬ ۔ ـ « »", header=[
            "charset: arabic-punctuation",
            "Arabic comma, semicolon, question mark, percent, decimal and thousands separators,",
            "full stop U+06D4, tatweel U+0640, guillemets U+00AB/U+00BB"]),
        "tibetan": dict(cps=tibetan, desc="Tibetan block U+0F00-0FFF (assigned)", header=[
            "charset: tibetan", "Tibetan U+0F00-0FFF: every assigned code point (UnicodeData.txt)"]),
    }

    common = ranges((0x0020, 0x007E), (0x00A0, 0x00A0), (0x00AB, 0x00AB), (0x00B7, 0x00B7), (0x00BB, 0x00BB),
                    (0x200B, 0x200F), (0x2010, 0x2027), (0x2039, 0x203A), (0x25CC, 0x25CC))
    kr_unicodes = (syllables | jamo | common | ranges((0x3000, 0x303F), (0xFF00, 0xFFEF), (0xFE10, 0xFE1F),
                                                        (0xFE30, 0xFE4F), (0x3200, 0x321E), (0x3260, 0x327F)))
    kr_desc = ("Hangul Syllables U+AC00-D7A3 (11172) ∪ Hangul Jamo, Compatibility Jamo, Jamo Extended-A/B ∪ "
               "U+3000-303F ∪ U+FF00-FFEF ∪ U+FE10-FE1F ∪ U+FE30-FE4F ∪ parenthesized/circled Hangul "
               "U+3200-321E/U+3260-327F ∪ ASCII, NBSP, «·», ZWSP-RLM, dashes/quotes U+2010-2027, ‹›, U+25CC "
               "(no Han: Chinese inside Korean text is drawn by the Noto Sans CJK SC subset); "
               "all layout features, vhea/vmtx/VORG/BASE kept")
    naskh_unicodes = ranges((0x0600, 0x06FF), (0x0750, 0x077F), (0xFD3E, 0xFD3F)) | common
    naskh_desc = ("Arabic U+0600-06FF ∪ Arabic Supplement U+0750-077F ∪ ornate parentheses U+FD3E-FD3F ∪ "
                  "ASCII, NBSP, «·», ZWSP-RLM, dashes/quotes U+2010-2027, ‹›, U+25CC (only what the source "
                  "maps); all layout features; hinting kept")
    tibt_unicodes = ranges((0x0F00, 0x0FFF)) | common
    tibt_desc = ("Tibetan U+0F00-0FFF ∪ ASCII, NBSP, «·», ZWSP-RLM, dashes/quotes U+2010-2027, ‹›, U+25CC "
                 "(only what the source maps); all layout features; hinting kept")

    def spec(id_, file, key, fmt, weight, role, covers, unicodes, desc):
        s = dict(id=id_, file=file, src=sources[key][0], format=fmt, weight=weight, role=role,
                 covers=covers, cmap=key, unicodes=unicodes, subset=desc)
        if numbers[key] is not None:
            s["fontNumber"] = numbers[key]
        return s

    kr_covers = ["hangul-syllables", "hangul-jamo", "cjk-punctuation", "fullwidth-forms", "ascii"]
    specs = [
        spec("noto-sans-kr-regular", "NotoSansKR-Regular.otf", "kr_r", "opentype-cff", 400, "hangul",
             kr_covers, kr_unicodes, kr_desc),
        spec("noto-sans-kr-bold", "NotoSansKR-Bold.otf", "kr_b", "opentype-cff", 700, "hangul",
             kr_covers, kr_unicodes, kr_desc),
        spec("noto-naskh-arabic-regular", "NotoNaskhArabic-Regular.ttf", "naskh_r", "truetype", 400, "arabic",
             ["uyghur-kazakh", "arabic-punctuation"], naskh_unicodes, naskh_desc),
        spec("noto-naskh-arabic-bold", "NotoNaskhArabic-Bold.ttf", "naskh_b", "truetype", 700, "arabic",
             ["uyghur-kazakh", "arabic-punctuation"], naskh_unicodes, naskh_desc),
        spec("noto-serif-tibetan-regular", "NotoSerifTibetan-Regular.ttf", "tibt_r", "truetype", 400, "tibetan",
             ["tibetan"], tibt_unicodes, tibt_desc),
        spec("noto-serif-tibetan-bold", "NotoSerifTibetan-Bold.ttf", "tibt_b", "truetype", 700, "tibetan",
             ["tibetan"], tibt_unicodes, tibt_desc),
    ]
    return charsets, cmaps, specs


def mongolian_note(path, uncovered):
    """Human-readable facts about the Mongolian font, all read from the file."""
    font = open_font(path)
    cmap = font.getBestCmap()
    parts = ["Assigned in U+1800-18AF but not mapped by this font: %s." % (
        ", ".join("%s %s" % (u(c), unicodedata.name(chr(c), "")) for c in uncovered) or "none")]
    supp = sorted(cp for cp in cmap if 0x11660 <= cp <= 0x1167F)
    if supp:
        parts.append("It also maps Mongolian Supplement %s-%s (not in the 'mongolian' charset)."
                     % (u(supp[0]), u(supp[-1])))
    feats = sorted({fr.FeatureTag for fr in font["GSUB"].table.FeatureList.FeatureRecord})
    parts.append("Joining needs an OpenType shaper (GSUB features: %s)." % ", ".join(feats))
    if "vmtx" in font and all(adv == 0 for adv, _ in font["vmtx"].metrics.values()):
        parts.append("Its vmtx advance heights are all 0, so top-to-bottom shaping (HarfBuzz "
                     "direction ttb) yields zero advances: shape Mongolian left-to-right and "
                     "rotate the line 90 degrees clockwise.")
    font.close()
    return " ".join(parts)


def write_readme(specs, entries, charsets, mong_uncovered):
    L = []
    L.append("# fonts/")
    L.append("")
    L.append("Fonts bundled with qoyar, as plain TrueType (`.ttf`) or CFF OpenType (`.otf`) files")
    L.append("(no `.ttc`, no WOFF/WOFF2: satori's opentype.js reads neither). **Generated** by")
    L.append("`scripts/fonts/build.py` — do not edit by hand; change the script and rerun it.")
    L.append("")
    L.append("## Files")
    L.append("")
    L.append("| file | family | weight | role | bytes | glyphs | code points | covers |")
    L.append("|---|---|---|---|---:|---:|---:|---|")
    for e in entries:
        L.append("| `%s` | %s | %d | %s | %d | %d | %d | %s |" % (
            e["file"], e["family"], e["weight"], e["role"], e["bytes"], e["glyphs"],
            e["codepoints"], ", ".join(e["covers"])))
    L.append("")
    L.append("Sources (npm and Debian packages, see `manifest.json` for versions, paths and sha256):")
    L.append("")
    for s, e in zip(specs, entries):
        src = e["source"]
        where = "`%s`" % src["path"] + (" (font number %d)" % src["fontNumber"] if "fontNumber" in src else "")
        pkg = ("npm `%s` %s" % (src["npmPackage"], src["npmVersion"]) if "npmPackage" in src
               else "`%s` %s" % (src["debianPackage"], src["debianVersion"]))
        L.append("* `%s`: %s, from %s in %s; %s." % (
            e["file"], e["fontVersion"], where, pkg,
            src.get("conversion", "unmodified copy") if src["subset"] is None else "subset"))
    L.append("")
    L.append("### Subsets")
    L.append("")
    L.append("* `NotoSans-*.ttf` (Latin, digits, punctuation inside Mongolian and Chinese text): "
             + entries[1]["source"]["subset"] + ".")
    L.append("* `NotoSansSC-*.otf`, `NotoSerifSC-Bold.otf` (the Simplified Chinese member of the "
             "Noto CJK collections, found by name \"Noto Sans CJK SC\" / \"Noto Serif CJK SC\"): "
             + entries[3]["source"]["subset"] + ".")
    for e in entries[6:]:
        L.append("* `%s` (%s): %s." % (e["file"], e["family"], e["source"]["subset"]))
    L.append("")
    L.append("Subsetting keeps outlines, hinting, advance widths, vertical metrics (vmtx/vhea/VORG),")
    L.append("the complete name table (the family names are unchanged: \"Noto Sans\", \"Noto Sans CJK SC\",")
    L.append("\"Noto Serif CJK SC\") and the OS/2/hhea/head metrics and timestamps of the source fonts;")
    L.append("the build verifies this glyph by glyph. Use the family names above (or the manifest's")
    L.append("`family`) when registering the fonts.")
    L.append("")
    L.append("The CJK subsets keep every OpenType feature that can still act on the kept characters,")
    L.append("including `vert`/`vrt2` (vertical")
    L.append("punctuation such as `。，（` rotated/repositioned for top-to-bottom text). They drop the")
    L.append("Japanese/Korean/Traditional/Hong Kong language systems, whose `locl` lookups would")
    L.append("only swap in non-Simplified glyph forms; keeping them would add ~6,800 glyphs")
    L.append("(≈4.3 MB instead of ≈2.5 MB per face).")
    L.append("")
    L.append("## Charsets (`charsets/*.txt`)")
    L.append("")
    L.append("One code point per line (`U+XXXX`, uppercase hex, at least 4 digits, sorted by code point),")
    L.append("after `#` header lines naming the source.")
    L.append("")
    L.append("| charset | code points | definition |")
    L.append("|---|---:|---|")
    for name in sorted(charsets):
        L.append("| `%s` | %d | %s |" % (name, len(charsets[name]["cps"]), charsets[name]["desc"]))
    L.append("")
    L.append("`covers` in `manifest.json` lists the charsets a font maps completely, except for the")
    L.append("code points listed under `missing` (absent in the source font itself). Currently:")
    miss = [(e["file"], e["missing"]) for e in entries if "missing" in e]
    if miss:
        for f, m in miss:
            L.append("* `%s`: %s" % (f, "; ".join("%s: %s" % (k, ", ".join(v)) for k, v in m.items())))
    else:
        L.append("nothing is missing; every claimed charset is complete.")
    L.append("")
    L.append("Noto Sans Mongolian does not map %s (assigned in U+1800–18AF); the `mongolian`"
             % (", ".join("%s %s" % (u(c), unicodedata.name(chr(c), "")) for c in mong_uncovered)
                or "nothing"))
    L.append("charset lists only what the font really maps (see the manifest's `note`).")
    L.append("")
    L.append("## Rebuilding")
    L.append("")
    L.append("```sh")
    L.append("npm install   # brings @fontsource/noto-sans-mongolian (devDependency)")
    L.append("sudo apt-get install fonts-noto-core fonts-noto-cjk unicode-data python3-fonttools")
    L.append("/usr/bin/python3 scripts/fonts/build.py")
    L.append("```")
    L.append("")
    L.append("Use Debian's `/usr/bin/python3` (it has fontTools). The build is deterministic: with the")
    L.append("package versions in `manifest.json` and fontTools %s the files are byte-identical." %
             TESTED_VERSIONS["fontTools"])
    L.append("Other versions print a warning and will produce different bytes/sha256.")
    L.append("")
    L.append("## Licence")
    L.append("")
    L.append("All fonts are licensed under the SIL Open Font License 1.1; see `OFL.txt` for the")
    L.append("licence text and copyright notices. Noto is a trademark of Google. The subset fonts are")
    L.append("Modified Versions under the OFL; they may be bundled with qoyar but not sold by")
    L.append("themselves. The charset lists are derived from Unicode/Unihan data and Python's codec")
    L.append("tables.")
    (OUT / "README.md").write_text("\n".join(L) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
