"""What happens before the store is opened (the GUI's start, `relief-desk doctor`):
temporary files a crash left are removed, the store is checked, and when it is damaged
the newest automatic backup that passes the same check is named for restoring."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.ways import way
from desktop.paths import store_path
from desktop.safety import backup, leftovers
from desktop.safety.checks import Health, check_data_dir


@dataclass
class StartupReport:
    data_dir: Path
    health: Health
    cleaned: list[Path] = field(default_factory=list)
    latest_good: Path | None = None

    def lines(self) -> list[str]:
        out = [f"数据目录 {self.data_dir}"]
        out.append("数据检查通过:数据库完好,事件日志校验链完整,台账与日志一致。" if self.health.ok
                   else "数据检查发现问题:")
        out += [f"  × {p}" for p in self.health.problems]
        out += [f"  ! {w}" for w in self.health.warnings]
        if self.cleaned:
            out.append(f"已清理上次意外中断留下的 {len(self.cleaned)} 个临时文件。")
        newest = backup.local_backups(self.data_dir)
        out.append(f"最近的备份:{newest[0].name}" if newest else "还没有备份。")
        return out

    def advice(self) -> str:
        if self.latest_good:
            return (f"数据已损坏({self.health.problems[0]})。请从最近的完好备份恢复:"
                    f"{way('restore')} {self.latest_good}(恢复前的数据会另存,不会删除)。")
        return (f"数据已损坏({self.health.problems[0]}),本机没有完好的备份。请用 U 盘上的加密备份"
                f"恢复({way('restore')} 文件),或联系技术人员;请不要继续录入。")


def examine(data_dir: Path, *, full: bool = False) -> StartupReport:
    """The start-up check (quick), or with `full` the thorough one of `doctor`."""
    data_dir = Path(data_dir)
    cleaned = leftovers.clean_data_dir(data_dir)
    if not store_path(data_dir).exists():
        health = Health(problems=["数据目录中没有工作站数据(请先建立工作站,或从备份恢复)"])
    else:
        health = check_data_dir(data_dir, full=full)
    report = StartupReport(data_dir, health, cleaned)
    if not health.ok:
        report.latest_good = backup.latest_good(data_dir)
    return report
