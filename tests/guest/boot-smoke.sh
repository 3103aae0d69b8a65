#!/usr/bin/env bash
# Boot smoke test of the offline test guest under QEMU TCG, in both device
# profiles:
#   (a) paravirtual: -kernel/-initrd, virtio-blk disk, virtio-net, qemu-ga;
#       stopped with QMP system_powerdown (ACPI power button)
#   (b) emulated: install.iso on an AHCI CD-ROM (q35 ide.0), AHCI disk (ide.1),
#       e1000; stopped with qemu-ga guest-shutdown
# Usage: boot-smoke.sh [GUEST_DIR]   (default: the directory build.sh prints)
# Env: BOOT_TIMEOUT (s, default 120), STOP_TIMEOUT (s, default 60),
#      KEEP=1 keeps the work directory (serial logs) for inspection.
# Prints PASS/FAIL per step; exits non-zero if any step failed.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BOOT_TIMEOUT=${BOOT_TIMEOUT:-120}
STOP_TIMEOUT=${STOP_TIMEOUT:-60}

need() { command -v "$1" >/dev/null 2>&1 || {
    echo "missing tool '$1': install it with 'apt-get install $2'" >&2
    exit 2
}; }
need qemu-system-x86_64 qemu-system-x86
need qemu-img qemu-utils
need python3 python3

GUEST=${1:-$("$HERE/build.sh" | tail -n 1)}
for f in vmlinuz initrd.img install.iso; do
    [ -s "$GUEST/$f" ] || { echo "no $f in '$GUEST'" >&2; exit 2; }
done

W=$(mktemp -d "${TMPDIR:-/tmp}/fabric-guest-smoke.XXXXXX")
QPID=
cleanup() {
    if [ -n "$QPID" ] && kill -0 "$QPID" 2>/dev/null; then
        kill "$QPID" 2>/dev/null || true
        wait "$QPID" 2>/dev/null || true
    fi
    if [ "${KEEP:-0}" = 1 ]; then echo "work directory kept: $W" >&2; else rm -rf "$W"; fi
}
trap cleanup EXIT

# Small QMP / guest-agent / serial client (python3 standard library only).
cat >"$W/vmctl.py" <<'PY'
import base64, json, socket, sys, time

def connect(path, timeout):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.connect(path)
    return s, s.makefile("rwb")

def send(f, obj):
    f.write((json.dumps(obj) + "\n").encode())
    f.flush()

def qga_open(path, timeout):
    s, f = connect(path, timeout)
    # Flush stale data: the reply to guest-sync-delimited follows a 0xFF byte.
    sync_id = int(time.time() * 1000) % 2**31
    send(f, {"execute": "guest-sync-delimited", "arguments": {"id": sync_id}})
    while f.read(1) != b"\xff":
        pass
    while True:
        r = json.loads(f.readline())
        if r.get("return") == sync_id:
            return s, f

def qga(path, timeout, cmd, args=None):
    s, f = qga_open(path, timeout)
    msg = {"execute": cmd}
    if args is not None:
        msg["arguments"] = args
    send(f, msg)
    r = json.loads(f.readline())
    s.close()
    if "error" in r:
        raise SystemExit("agent error: %s" % r["error"])
    return r["return"]

def main():
    op, path, timeout = sys.argv[1], sys.argv[2], float(sys.argv[3])
    rest = sys.argv[4:]
    if op == "qga":  # qga SOCK TIMEOUT COMMAND [ARGS-JSON]
        print(json.dumps(qga(path, timeout, rest[0], json.loads(rest[1]) if len(rest) > 1 else None)))
    elif op == "qga-noreply":  # guest-shutdown and friends send no reply
        s, f = qga_open(path, timeout)
        send(f, {"execute": rest[0]})
        time.sleep(0.5)
        s.close()
    elif op == "exec":  # exec SOCK TIMEOUT SHELL-COMMAND: prints stdout, exits with its status
        pid = qga(path, timeout, "guest-exec",
                  {"path": "/bin/sh", "arg": ["-c", rest[0]], "capture-output": True})["pid"]
        deadline = time.time() + timeout
        while True:
            st = qga(path, timeout, "guest-exec-status", {"pid": pid})
            if st["exited"]:
                break
            if time.time() > deadline:
                raise SystemExit("guest-exec timed out")
            time.sleep(0.1)
        sys.stdout.write(base64.b64decode(st.get("out-data", "")).decode(errors="replace"))
        sys.stderr.write(base64.b64decode(st.get("err-data", "")).decode(errors="replace"))
        sys.exit(st.get("exitcode", 255))
    elif op == "qmp":  # qmp SOCK TIMEOUT COMMAND
        s, f = connect(path, timeout)
        json.loads(f.readline())  # greeting
        send(f, {"execute": "qmp_capabilities"})
        send(f, {"execute": rest[0], "id": 1})
        while True:
            r = json.loads(f.readline())
            if r.get("id") == 1:
                break
        s.close()
        if "error" in r:
            raise SystemExit("qmp error: %s" % r["error"])
    elif op == "serial":  # serial SOCK TIMEOUT TEXT: type a line on the console
        s, f = connect(path, timeout)
        s.sendall(rest[0].encode() + b"\r")
        time.sleep(0.2)
        s.close()

main()
PY
vmctl() { python3 "$W/vmctl.py" "$@"; }

FAILS=0
pass() { echo "PASS [$CASE] $*"; }
fail() {
    echo "FAIL [$CASE] $*"
    FAILS=$((FAILS + 1))
}
now_ms() { date +%s%3N; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'; }

# wait_serial PATTERN TIMEOUT: poll the serial log until the fixed string
# appears (0), QEMU dies (2) or the deadline passes (1).
wait_serial() {
    local deadline=$(($(now_ms) + $2 * 1000))
    while [ "$(now_ms)" -lt $deadline ]; do
        grep -qaF -- "$1" "$D/serial.log" 2>/dev/null && return 0
        kill -0 "$QPID" 2>/dev/null || return 2
        sleep 0.1
    done
    return 1
}
wait_exit() { # wait_exit TIMEOUT: QEMU's exit status, or 124 on timeout
    local deadline=$(($(now_ms) + $1 * 1000)) rc=0
    while kill -0 "$QPID" 2>/dev/null; do
        [ "$(now_ms)" -lt $deadline ] || return 124
        sleep 0.1
    done
    wait "$QPID" || rc=$?
    QPID=
    return $rc
}
show_log() {
    echo "---- last lines of $CASE serial log ----" >&2
    tail -n 25 "$D/serial.log" 2>/dev/null | tr -d '\r' >&2 || true
    [ ! -s "$D/qemu.out" ] || { echo "---- qemu output ----" >&2; cat "$D/qemu.out" >&2; }
}

# run_case NAME DISK-NAME NIC-DRIVER STOP-METHOD QEMU-ARGS...
run_case() {
    CASE=$1
    local disk=$2 nic=$3 stop=$4
    shift 4
    D=$W/$CASE
    mkdir -p "$D"
    qemu-img create -q -f qcow2 "$D/disk.qcow2" 64M
    # shellcheck disable=SC2054 # commas are QEMU option syntax
    local common=(
        -M q35,accel=tcg -cpu max -m 256 -smp 1 -nodefaults -no-user-config -display none
        -chardev "socket,id=ser0,path=$D/serial.sock,server=on,wait=off,logfile=$D/serial.log"
        -serial chardev:ser0
        -chardev "socket,id=qmp0,path=$D/qmp.sock,server=on,wait=off" -mon chardev=qmp0,mode=control
        -chardev "socket,id=qga0,path=$D/qga.sock,server=on,wait=off"
        -device virtio-serial-pci,id=vser0
        -device virtserialport,bus=vser0.0,chardev=qga0,name=org.qemu.guest_agent.0
        -netdev user,id=net0
    )
    local args=() a t0
    for a in "$@"; do args+=("${a//@DIR@/$D}"); done
    t0=$(now_ms)
    qemu-system-x86_64 "${common[@]}" "${args[@]}" >"$D/qemu.out" 2>&1 </dev/null &
    QPID=$!

    local rc=0 t_agent t_ready
    wait_serial "FABRIC-GUEST: agent-ready" "$BOOT_TIMEOUT" || rc=$?
    t_agent=$(($(now_ms) - t0))
    [ $rc -ne 0 ] || wait_serial "FABRIC-GUEST: ready" "$BOOT_TIMEOUT" || rc=$?
    t_ready=$(($(now_ms) - t0))
    if [ $rc -ne 0 ]; then
        fail "boot: no 'FABRIC-GUEST: ready' ($([ $rc = 2 ] && echo "QEMU exited" || echo "timeout ${BOOT_TIMEOUT}s"))"
        show_log
        return
    fi
    pass "boot: agent-ready after $(secs $t_agent) s, ready after $(secs $t_ready) s"

    if vmctl qga "$D/qga.sock" 10 guest-ping >/dev/null; then pass "guest-ping"; else fail "guest-ping"; fi

    local out
    if out=$(vmctl exec "$D/qga.sock" 30 "cat /proc/partitions") &&
        awk -v d="$disk" '$4 == d { f = 1 } END { exit !f }' <<<"$out"; then
        pass "guest-exec: $disk in /proc/partitions"
    else
        fail "guest-exec: $disk not in /proc/partitions: ${out//$'\n'/ | }"
    fi

    if out=$(vmctl exec "$D/qga.sock" 30 'basename "$(readlink /sys/class/net/eth0/device/driver)"') &&
        [ "$out" = "$nic" ]; then
        pass "eth0 driver is $nic"
    else
        fail "eth0 driver is '$out', expected $nic"
    fi

    if out=$(vmctl exec "$D/qga.sock" 30 'ip -4 -o addr show dev eth0') && grep -q 'inet 10\.0\.2\.15/' <<<"$out"; then
        pass "DHCP: eth0 has 10.0.2.15"
    else
        fail "DHCP: eth0 has no 10.0.2.15: $out"
    fi

    # A command typed on the serial console runs, and its output is logged.
    if vmctl serial "$D/serial.sock" 10 'echo SERIAL-$((40+2))' && wait_serial "SERIAL-42" 30; then
        pass "serial console shell"
    else
        fail "serial console shell"
    fi

    local t1
    t1=$(now_ms)
    case "$stop" in
        acpi) vmctl qmp "$D/qmp.sock" 10 system_powerdown || fail "QMP system_powerdown" ;;
        agent) vmctl qga-noreply "$D/qga.sock" 10 guest-shutdown || fail "guest-shutdown" ;;
    esac
    rc=0
    wait_exit "$STOP_TIMEOUT" || rc=$?
    if [ $rc -eq 0 ]; then
        pass "shutdown via $stop: QEMU exited after $(secs $(($(now_ms) - t1))) s"
    else
        fail "shutdown via $stop: $([ $rc = 124 ] && echo "QEMU still running after ${STOP_TIMEOUT}s" || echo "QEMU exit status $rc")"
        show_log
    fi
}

echo "guest: $GUEST" >&2

# "@DIR@" in the QEMU arguments stands for the case's work directory.
run_case paravirtual vda virtio_net acpi \
    -kernel "$GUEST/vmlinuz" -initrd "$GUEST/initrd.img" -append "console=ttyS0" \
    -drive "file=@DIR@/disk.qcow2,if=none,id=disk0,format=qcow2" -device virtio-blk-pci,drive=disk0 \
    -device virtio-net-pci,netdev=net0

run_case emulated sda e1000 agent \
    -drive "file=$GUEST/install.iso,if=none,id=cd0,media=cdrom,readonly=on" \
    -device ide-cd,bus=ide.0,drive=cd0,bootindex=1 \
    -drive "file=@DIR@/disk.qcow2,if=none,id=disk0,format=qcow2" -device ide-hd,bus=ide.1,drive=disk0 \
    -device e1000,netdev=net0

if [ $FAILS -eq 0 ]; then
    echo "boot-smoke: all steps passed"
else
    echo "boot-smoke: $FAILS step(s) FAILED"
    exit 1
fi
