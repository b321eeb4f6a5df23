"""Commands of safety (issue 7): backup, restore, doctor, and the key passphrase.

    relief-desk backup [--to DIR] [--passphrase-env NAME]
    relief-desk restore FILE [--passphrase-env NAME]
    relief-desk doctor
    relief-desk keys passphrase | keys reset"""

from __future__ import annotations

from pathlib import Path

from desktop.core.errors import Refusal
from desktop.safety.passphrase import OFFICER_ENV, obtain


def add_parsers(sub) -> None:
    """Add this feature's subcommands to the top-level parser's `sub`."""
    backup = sub.add_parser("backup", help="备份:默认存入数据目录的 backups;--to 加密备份到 U 盘或文件夹")
    backup.add_argument("--to", type=Path, help="加密备份存放的文件夹(例如 U 盘)")
    backup.add_argument("--passphrase-env", default=OFFICER_ENV,
                        help=f"从这个环境变量读取备份口令(默认 {OFFICER_ENV};没有则在终端输入)")
    restore = sub.add_parser("restore", help="从备份恢复(先检查备份,原数据另存不删)")
    restore.add_argument("file", type=Path)
    restore.add_argument("--passphrase-env", default=OFFICER_ENV,
                         help="加密备份的口令所在的环境变量")
    sub.add_parser("doctor", help="检查数据:数据库、事件日志校验链、台账是否一致")
    keys = sub.add_parser("keys", help="本机密钥的口令").add_subparsers(dest="keys_command",
                                                                 required=True)
    keys.add_parser("passphrase", help="设置或更改本机口令")
    keys.add_parser("reset", help="忘记口令时:生成新的密钥(需请乡镇重新登记本机身份,案件不受影响)")


def backup(args, data_dir: Path, today) -> int:
    from desktop.safety.backup import manual_backup
    from desktop.safety.vault import write_backup
    from desktop.storage.store import Store

    store = Store.open(data_dir)
    try:
        if args.to is None:
            path = manual_backup(store)
            print(f"已备份到 {path}" if path else "数据自上次备份以来没有变化,最近的备份仍然有效。")
            return 0
        secret = obtain(args.passphrase_env, "请设置这份备份的口令", confirm=True,
                        needed_for="加密备份")
        _long_enough(secret)
        path = write_backup(store, args.to, secret, today)
    finally:
        store.close()
    print(f"已加密备份到 {path}。请牢记口令:没有口令谁也打不开这份备份。")
    return 0


def _long_enough(secret: str) -> None:
    from desktop.sync.keys import check_new_passphrase

    check_new_passphrase(secret)


def restore(args, data_dir: Path, today) -> int:
    from desktop.safety import vault
    from desktop.safety.restore import restore as do_restore
    from desktop.safety.restore import restored_lines

    secret = None
    if vault.is_vault(args.file):
        vault.read_header(args.file)  # a hostile header is refused before the prompt
        secret = obtain(args.passphrase_env, "请输入备份的口令", needed_for="打开加密备份")
    officer = obtain(OFFICER_ENV, "请输入本机口令(用于加密恢复后新生成的密钥)",
                     needed_for="恢复后生成新密钥")
    done = do_restore(data_dir, args.file, passphrase=secret, officer_passphrase=officer)
    for line in restored_lines(done):
        print(line)
    return 0


def doctor(args, data_dir: Path, today) -> int:
    from desktop.safety.startup import examine

    report = examine(data_dir, full=True)
    for line in report.lines():
        print(line)
    if not report.health.ok:
        raise Refusal(report.advice())
    return 0


def keys_cmd(args, data_dir: Path, today) -> int:
    from desktop.storage.store import Store
    from desktop.sync import keys

    store = Store.open(data_dir)
    try:
        ws_id = store.workstation["id"]
        if args.keys_command == "reset":
            new = obtain("RELIEF_DESK_NEW_PASSPHRASE", "请设置新的本机口令", confirm=True,
                         needed_for="生成新密钥")
            keys.reset(data_dir, ws_id, new)
            print("已生成新的密钥(旧密钥文件已改名保留)。请导出新的身份文件,带到乡镇民政办当面核对"
                  "指纹后重新登记(乡镇:relief-desk enroll 文件 --replace)。案件数据没有任何变化。")
            return 0
        old = None
        if keys.is_protected(data_dir):
            old = obtain(OFFICER_ENV, "请输入现在的本机口令", needed_for="更改口令")
        new = obtain("RELIEF_DESK_NEW_PASSPHRASE", "请设置新的本机口令", confirm=True,
                     needed_for="设置口令")
        keys.change_passphrase(data_dir, ws_id, old, new)
    finally:
        store.close()
    print("本机口令已设置。以后导出、导入数据包时需要输入这个口令。")
    return 0


COMMANDS: dict = {"backup": backup, "restore": restore, "doctor": doctor, "keys": keys_cmd}
