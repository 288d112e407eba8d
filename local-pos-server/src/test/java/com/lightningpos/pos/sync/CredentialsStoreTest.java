package com.lightningpos.pos.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsStoreTest {

    @TempDir
    Path dir;

    @Test
    void credentials_are_kept_in_a_file_only_the_till_user_can_read() throws Exception {
        CredentialsStore store = new CredentialsStore(dir);
        StoredCredentials credentials = new StoredCredentials("0190a0a0-0000-7000-8000-000000000001", "s3cret",
                "https://hub.example.com", "Corner shop", "2026-03-01T09:00:00Z");

        store.write(credentials);
        store.write(credentials); // rewriting keeps the mode

        assertThat(store.read()).contains(credentials);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(credentials.toString()).doesNotContain("s3cret");
    }

    @Test
    void a_till_without_the_file_has_no_credentials() {
        assertThat(new CredentialsStore(dir).read()).isEmpty();
    }
}
