#!/usr/bin/env bash
# Builds the Fabric offline test guest from Debian packages only:
#   vmlinuz      Debian's generic amd64 kernel (virtio AND IDE/AHCI/e1000 drivers)
#   initrd.img   busybox + qemu-guest-agent + the needed modules (zstd cpio)
#   install.iso  BIOS-bootable GRUB ISO that boots the same kernel + initrd
#   manifest.json
# Output: ${FABRIC_GUEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fabric/guest}/<hash>/
# plus the symlink .../guest/current -> <hash>. <hash> covers this script, every
# file under files/ and the exact versions of the Debian packages used. When the
# output for the hash is complete, nothing is built (and apt-get is not run).
# The LAST line on stdout is the absolute output directory; logs go to stderr.
set -euo pipefail

FORMAT=1 # bump when the output layout changes without an input change
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FILES=$HERE/files
CACHE_ROOT=${FABRIC_GUEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fabric/guest}
ARCH_LIB=x86_64-linux-gnu

log() { printf '[guest-build] %s\n' "$*" >&2; }
die() {
    printf '[guest-build] ERROR: %s\n' "$*" >&2
    exit 1
}
need() { # need TOOL DEBIAN-PACKAGE
    command -v "$1" >/dev/null 2>&1 || die "missing tool '$1': install it with 'apt-get install $2'"
}

KERNEL_META=linux-image-amd64
# Packages whose files end up in the guest. The qemu-ga shared-library closure
# must come from these (checked below with ldd), never from the build host.
GUEST_PKGS=(busybox-static qemu-guest-agent libc6 libglib2.0-0 libnuma1 liburing2 libudev1 libpcre2-8-0)
# Packages run on the build host to make the ISO (GRUB i386-pc + xorriso). Any
# other library they need (liblzma5, libselinux1, libreadline8, zlib1g, ...) is
# taken from the host.
TOOL_PKGS=(grub-common grub-pc-bin xorriso libisoburn1 libburn4 libisofs6 libjte2
    libefiboot1 libefivar1 libdevmapper1.02.1 libudev1 libpcre2-8-0)

need apt-cache apt
need sha256sum coreutils
need flock util-linux
need find findutils
need awk mawk

# ---- 1. Resolve package versions (local apt metadata only) and the hash ----
# One apt-cache call (each call re-reads the package lists, ~0.5 s here):
# candidate versions of everything, and the kernel that the meta package pins.
EXTRA_PKGS=()
for p in "${GUEST_PKGS[@]}" "${TOOL_PKGS[@]}"; do
    case " ${EXTRA_PKGS[*]-} " in *" $p "*) ;; *) EXTRA_PKGS+=("$p") ;; esac
done
declare -A VER=()
KPKG=
while read -r key a b; do
    case "$key" in
        V) VER[$a]=$b ;;
        K) KPKG=$a VER[$a]=$b ;;
    esac
done < <(
    LC_ALL=C apt-cache show --no-all-versions "$KERNEL_META" "${EXTRA_PKGS[@]}" 2>/dev/null | awk -v meta="$KERNEL_META" '
        /^Package:/ { pkg = $2 }
        /^Version:/ { print "V", pkg, $2 }
        /^Depends:/ && pkg == meta {
            if (match($0, /linux-image-[0-9][^ ,]*-amd64 \(= [^)]*\)/)) {
                d = substr($0, RSTART, RLENGTH); gsub(/[()=]/, "", d); split(d, f, / +/)
                print "K", f[1], f[2]
            }
        }'
)
[ -n "$KPKG" ] || die "cannot resolve $KERNEL_META to a linux-image-*-amd64 package (is this Debian 12 with 'apt-get update' run?)"
KVER=${KPKG#linux-image-}
ALL_PKGS=("$KPKG" "${EXTRA_PKGS[@]}")
for p in "${ALL_PKGS[@]}"; do
    [ -n "${VER[$p]:-}" ] || die "no installable version of Debian package '$p' (run 'apt-get update')"
done

HASH=$(
    {
        echo "fabric-guest format $FORMAT"
        echo "file build.sh $(sha256sum <"$HERE/build.sh" | cut -d' ' -f1)"
        (cd "$FILES" && find . -type f -o -type l | LC_ALL=C sort) | while read -r f; do
            echo "file files/${f#./} $(sha256sum <"$FILES/$f" | cut -d' ' -f1) $(test -x "$FILES/$f" && echo x)"
        done
        for p in "${ALL_PKGS[@]}"; do echo "pkg $p ${VER[$p]}"; done
    } | sha256sum | cut -c1-16
)
OUT=$CACHE_ROOT/$HASH
OUTPUTS=(vmlinuz initrd.img install.iso manifest.json)

complete() {
    local f
    for f in "${OUTPUTS[@]}"; do [ -s "$1/$f" ] || return 1; done
}
set_current() {
    local cur
    cur=$(readlink "$CACHE_ROOT/current" 2>/dev/null || true)
    if [ "$cur" != "$HASH" ]; then
        ln -sfn "$HASH" "$CACHE_ROOT/.current.$$"
        mv -Tf "$CACHE_ROOT/.current.$$" "$CACHE_ROOT/current"
    fi
}

if complete "$OUT"; then
    set_current
    log "cached: $OUT"
    echo "$OUT"
    exit 0
fi

# ---- 2. Build (one builder at a time per cache directory) ----
mkdir -p "$CACHE_ROOT"
exec 9>"$CACHE_ROOT/.lock"
flock 9
if complete "$OUT"; then # somebody else built it while we waited
    set_current
    echo "$OUT"
    exit 0
fi

need apt-get apt
need dpkg-deb dpkg
need ldd libc-bin
need zstd zstd

T=$(mktemp -d "${TMPDIR:-/tmp}/fabric-guest.XXXXXX")
STAGE=
cleanup() {
    rm -rf "$T"
    [ -z "$STAGE" ] || rm -rf "$STAGE"
}
trap cleanup EXIT
START=$(date +%s)
log "building $HASH (kernel $KVER) in $T"

# -- download and unpack --
mkdir -p "$T/debs" "$T/kernel" "$T/pkgs" "$T/tools"
APT_OPTS=(-q)
[ "$(id -u)" != 0 ] || APT_OPTS+=(-o APT::Sandbox::User=root) # _apt cannot write to our 0700 temp dir
specs=()
for p in "${ALL_PKGS[@]}"; do specs+=("$p=${VER[$p]}"); done
(cd "$T/debs" && apt-get download "${APT_OPTS[@]}" "${specs[@]}" >&2) ||
    die "apt-get download failed for: ${specs[*]}"

deb_of() { # deb_of PACKAGE -> path of its downloaded .deb
    local f
    for f in "$T/debs/$1"_*.deb; do
        [ -f "$f" ] && { echo "$f"; return 0; }
    done
    die "downloaded .deb for $1 not found"
}
dpkg-deb -x "$(deb_of "$KPKG")" "$T/kernel"
for p in "${GUEST_PKGS[@]}"; do dpkg-deb -x "$(deb_of "$p")" "$T/pkgs"; done
for p in "${TOOL_PKGS[@]}"; do dpkg-deb -x "$(deb_of "$p")" "$T/tools"; done

BB=$T/pkgs/bin/busybox # static: runs on the build host too (depmod, cpio)
[ -x "$BB" ] || die "busybox not found in busybox-static"
KMOD=$T/kernel/lib/modules/$KVER
if [ ! -f "$T/kernel/boot/vmlinuz-$KVER" ] || [ ! -d "$KMOD" ]; then die "unexpected layout of $KPKG"; fi

# -- kernel modules: the listed ones plus their dependency closure --
log "depmod over all modules of $KVER"
"$BB" depmod -b "$T/kernel" "$KVER"
WANT=$(sed 's/#.*//' "$FILES/rootfs/etc/fabric/modules" | awk 'NF { print $1 }')
MODS=$(awk -v want="$WANT" '
    function norm(p,  n) { n = p; sub(/.*\//, "", n); sub(/\.ko.*$/, "", n); gsub(/-/, "_", n); return n }
    BEGIN { n = split(want, w, /[ \n]+/) }
    FILENAME ~ /modules\.builtin$/ { builtin[norm($1)] = 1; next }
    { path = $1; sub(/:$/, "", path); dep[norm(path)] = $0 }
    END {
        for (i = 1; i <= n; i++) {
            m = w[i]; gsub(/-/, "_", m)
            if (m == "") continue
            if (m in dep) {
                k = split(dep[m], parts, /[ :]+/)
                for (j = 1; j <= k; j++) if (parts[j] != "" && !(parts[j] in seen)) { seen[parts[j]] = 1; print parts[j] }
            } else if (!(m in builtin)) {
                print "MISSING " m
            }
        }
    }' "$KMOD/modules.builtin" "$KMOD/modules.dep")
if grep -q '^MISSING ' <<<"$MODS"; then
    die "modules not in $KPKG: $(grep '^MISSING ' <<<"$MODS" | cut -d' ' -f2 | tr '\n' ' ')"
fi

R=$T/root
RMOD=$R/lib/modules/$KVER
mkdir -p "$RMOD"
while read -r m; do
    mkdir -p "$RMOD/$(dirname "$m")"
    cp "$KMOD/$m" "$RMOD/$m"
done <<<"$MODS"
cp "$KMOD/modules.builtin" "$KMOD/modules.order" "$RMOD/"
"$BB" depmod -b "$R" "$KVER"
log "modules: $(wc -l <<<"$MODS") files, $(du -sk "$RMOD" | cut -f1) KiB"

# -- root filesystem --
mkdir -p "$R"/{bin,sbin,usr/bin,usr/sbin,proc,sys,dev,run,tmp,root,mnt,var/log,lib/$ARCH_LIB,lib64}
ln -s /run "$R/var/run"
cp -a "$FILES/rootfs/." "$R/"
chmod 0755 "$R/init" "$R/sbin/shutdown"
cp "$BB" "$R/bin/busybox"
while read -r a; do # every applet as a symlink, unless the overlay has the file
    case "$a" in */*) ;; *) continue ;; esac
    [ -e "$R/$a" ] || [ -L "$R/$a" ] || ln -s /bin/busybox "$R/$a"
done < <("$BB" --list-full)

cp "$T/pkgs/usr/sbin/qemu-ga" "$R/usr/sbin/qemu-ga"
LIBPATH=$T/pkgs/lib/$ARCH_LIB:$T/pkgs/usr/lib/$ARCH_LIB
LDD_OUT=$(LD_LIBRARY_PATH=$LIBPATH ldd "$T/pkgs/usr/sbin/qemu-ga") || die "ldd qemu-ga failed"
while read -r name arrow path _; do
    [ "$arrow" = "=>" ] || continue
    case "$path" in
        "$T/pkgs/"*) cp -L "$path" "$R/lib/$ARCH_LIB/$name" ;;
        *) die "qemu-ga needs $name, found at '$path' outside GUEST_PKGS: add its Debian package to GUEST_PKGS" ;;
    esac
done <<<"$LDD_OUT"
cp -L "$T/pkgs/lib/$ARCH_LIB/ld-linux-x86-64.so.2" "$R/lib/$ARCH_LIB/"
ln -s "/lib/$ARCH_LIB/ld-linux-x86-64.so.2" "$R/lib64/ld-linux-x86-64.so.2"

# -- initramfs: newc cpio, plus a dev/console node (so no root is needed) --
newc_entry() { # newc_entry NAME MODE RDEVMAJOR RDEVMINOR (no file data)
    local name=$1 len=$((${#1} + 1))
    printf '070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X' \
        0 "$2" 0 0 1 0 0 0 0 "$3" "$4" "$len" 0
    printf '%s\0' "$name"
    local pad=$(((4 - (110 + len) % 4) % 4))
    [ $pad -eq 0 ] || head -c $pad /dev/zero
}
STAGE=$CACHE_ROOT/.build-$HASH.$$
rm -rf "$STAGE"
mkdir -p "$STAGE"
{
    (cd "$R" && find . -mindepth 1 | sed 's,^\./,,' | LC_ALL=C sort | "$BB" cpio -o -H newc 2>/dev/null)
    newc_entry dev/console $((8#020600)) 5 1
    newc_entry 'TRAILER!!!' 0 0 0
} | zstd -q -19 -T1 >"$STAGE/initrd.img" # zstd: ~1 s faster to unpack than xz under TCG
cp "$T/kernel/boot/vmlinuz-$KVER" "$STAGE/vmlinuz"
log "initrd.img: $(du -k "$STAGE/initrd.img" | cut -f1) KiB"

# -- installer ISO with the downloaded GRUB and xorriso --
TOOLLIB=$T/tools/lib/$ARCH_LIB:$T/tools/usr/lib/$ARCH_LIB
for b in grub-mkrescue xorriso; do
    missing=$(LD_LIBRARY_PATH=$TOOLLIB ldd "$T/tools/usr/bin/$b" | awk '/not found/ { print $1 }')
    if [ -n "$missing" ]; then
        hint=
        for l in $missing; do
            case "$l" in
                libreadline.so.8) hint+=" libreadline8" ;; liblzma.so.5) hint+=" liblzma5" ;;
                libselinux.so.1) hint+=" libselinux1" ;; libz.so.1) hint+=" zlib1g" ;;
                libacl.so.1) hint+=" libacl1" ;; libbz2.so.1.0) hint+=" libbz2-1.0" ;;
                libtinfo.so.6) hint+=" libtinfo6" ;; *) hint+=" <package providing $l>" ;;
            esac
        done
        die "$b needs host libraries: ${missing//$'\n'/ }: apt-get install$hint"
    fi
done
ISO=$T/iso
mkdir -p "$ISO/boot/grub"
cp "$STAGE/vmlinuz" "$STAGE/initrd.img" "$ISO/boot/"
cp "$FILES/grub.cfg" "$ISO/boot/grub/grub.cfg"
LD_LIBRARY_PATH=$TOOLLIB "$T/tools/usr/bin/grub-mkrescue" \
    -d "$T/tools/usr/lib/grub/i386-pc" --xorriso="$T/tools/usr/bin/xorriso" \
    -o "$STAGE/install.iso" "$ISO" -- -volid FABRICINST >"$T/mkrescue.log" 2>&1 ||
    {
        cat "$T/mkrescue.log" >&2
        die "grub-mkrescue failed"
    }
log "install.iso: $(du -k "$STAGE/install.iso" | cut -f1) KiB"

# -- manifest (written last: its presence marks a complete output) --
sha() { sha256sum <"$1" | cut -d' ' -f1; }
size() { stat -c %s "$1"; }
{
    printf '{\n  "format": %d,\n  "hash": "%s",\n' "$FORMAT" "$HASH"
    printf '  "built": "%s",\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    printf '  "kernel": { "version": "%s", "package": "%s", "packageVersion": "%s" },\n' \
        "$KVER" "$KPKG" "${VER[$KPKG]}"
    printf '  "cmdline": "console=ttyS0",\n'
    printf '  "markers": ["FABRIC-GUEST: init", "FABRIC-GUEST: modules-loaded", "FABRIC-GUEST: agent-ready", "FABRIC-GUEST: ready"],\n'
    printf '  "packages": [\n'
    sep=
    for p in "${ALL_PKGS[@]}"; do
        printf '%s    { "name": "%s", "version": "%s" }' "$sep" "$p" "${VER[$p]}"
        sep=$',\n'
    done
    printf '\n  ],\n  "modules": ['
    sep=
    for m in $WANT; do
        printf '%s"%s"' "$sep" "$m"
        sep=', '
    done
    printf '],\n  "files": {\n'
    sep=
    for f in vmlinuz initrd.img install.iso; do
        printf '%s    "%s": { "size": %d, "sha256": "%s" }' "$sep" "$f" "$(size "$STAGE/$f")" "$(sha "$STAGE/$f")"
        sep=$',\n'
    done
    printf '\n  }\n}\n'
} >"$STAGE/manifest.json.tmp"
mv "$STAGE/manifest.json.tmp" "$STAGE/manifest.json"

rm -rf "$OUT" # an incomplete leftover, if any
mv -T "$STAGE" "$OUT"
STAGE=
set_current
log "done in $(($(date +%s) - START)) s: $OUT"
echo "$OUT"
