package com.lightningpos.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupSelectionTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void a_backup_is_due_when_there_is_none_or_the_newest_is_an_interval_old() {
        Duration sixHours = Duration.ofHours(6);
        assertThat(BackupSelection.isDue(Optional.empty(), sixHours, NOW)).isTrue();
        assertThat(BackupSelection.isDue(Optional.of(NOW.minus(sixHours)), sixHours, NOW)).isTrue();
        assertThat(BackupSelection.isDue(Optional.of(NOW.minus(Duration.ofHours(5))), sixHours, NOW)).isFalse();
    }

    @Test
    void a_backup_is_named_by_its_name_in_the_backups_directory_a_path_or_latest() {
        Path dir = Path.of("/var/lib/pos/backups");
        assertThat(BackupSelection.named(" latest ", dir, "backup file")).isEmpty();
        assertThat(BackupSelection.named("shop-1.db", dir, "backup file")).contains(dir.resolve("shop-1.db"));
        assertThat(BackupSelection.named("/mnt/usb/shop-1.db", dir, "backup file")).contains(Path.of("/mnt/usb/shop-1.db"));
        assertThat(BackupSelection.named("old/shop-1.db", dir, "backup file")).contains(Path.of("old/shop-1.db"));
        assertThatThrownBy(() -> BackupSelection.named(" ", dir, "backup file")).hasMessage("Name a backup file or say \"latest\"");
    }
}
