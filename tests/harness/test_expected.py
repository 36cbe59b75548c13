from checks import expected, volatile


def test_identical_output_matches():
    assert expected.matches("a\nb\n", "a\nb\n")


def test_a_line_of_dots_matches_any_run_of_lines_including_none():
    assert expected.matches("start\n...\nend\n", "start\nx\ny\nend\n")
    assert expected.matches("start\n...\nend\n", "start\nend\n")
    assert not expected.matches("start\n...\nend\n", "start\nx\n")


def test_dots_inside_a_line_match_volatile_values_on_that_line_only():
    assert expected.matches("alpine Up ...\n", "alpine Up 3 seconds\n")
    assert not expected.matches("id ... done\n", "id 1\n2 done\n")


def test_runs_of_blanks_compare_equal():
    assert expected.matches("IMAGE COMMAND\n", "IMAGE     COMMAND   \n")
    assert not expected.matches("IMAGE COMMAND\n", "IMAGECOMMAND\n")


def test_extra_or_missing_lines_do_not_match():
    assert not expected.matches("a\n", "a\nb\n")
    assert not expected.matches("a\nb\n", "a\n")


def test_regex_characters_in_expected_text_are_literal():
    assert expected.matches('"sleep 600" (x)\n', '"sleep 600" (x)\n')
    assert not expected.matches("a.c\n", "abc\n")


def test_mismatch_report_is_a_diff_naming_both_sides():
    report = expected.mismatch_report("a\nb\n", "a\nc\n", "page.out")
    assert "--- page.out" in report and "+++ actual output" in report
    assert "-b" in report and "+c" in report


# Volatile tokens by class: a token of a class matches any token of that class, nothing else.

CONTAINER = "3f4e5d6c7b8a"
IMAGE_ID = "sha256:" + "4b" * 32


def test_a_container_id_matches_any_container_id_of_its_length():
    assert expected.matches(f"root@{CONTAINER}:/#\n", "root@a1b2c3d4e5f6:/#\n")
    assert not expected.matches(f"root@{CONTAINER}:/#\n", "root@a1b2c3d4e5f6a1b2:/#\n")
    assert not expected.matches(f"root@{CONTAINER}:/#\n", "root@localhost:/#\n")
    assert not expected.matches(f"{CONTAINER}\n", "web-server-1\n")


def test_a_word_or_a_number_is_not_a_hex_id():
    assert not expected.matches("deadbeefcafe\n", "a1b2c3d4e5f6\n")


def test_a_digest_matches_any_digest_but_not_an_image_name():
    assert expected.matches(f"Deleted: {IMAGE_ID}\n", "Deleted: sha256:" + "0c" * 32 + "\n")
    assert not expected.matches(f"Deleted: {IMAGE_ID}\n", "Deleted: alpine:latest\n")
    assert not expected.matches(f"Deleted: {IMAGE_ID}\n", "Deleted: sha256:0c0c\n")


def test_ages_and_timestamps_match_any_of_their_kind():
    assert expected.matches("alpine Up 3 seconds\n", "alpine Up About a minute\n")
    assert expected.matches("Exited (0) 2 seconds ago\n", "Exited (0) Less than a second ago\n")
    assert expected.matches("2026-12-01T18:40:35.123456789Z\n", "2027-01-02T03:04:05Z\n")
    assert expected.matches("2026-12-01 18:40:35 +0000 UTC\n", "2027-01-02 03:04:05.5 +0000 UTC\n")
    assert expected.matches(
        "drwxr-xr-x 2 root root 4096 Dec  1 18:40 bin\n", "drwxr-xr-x 2 root root 4096 Nov 28  2025 bin\n"
    )
    assert not expected.matches("alpine Up 3 seconds\n", "alpine Restarting 3 seconds\n")
    assert not expected.matches("created 2026-12-01\n", "created yesterday\n")


def test_a_changed_exit_status_in_the_output_still_fails():
    assert not expected.matches("Exited (0) 2 seconds ago\n", "Exited (137) 2 seconds ago\n")


def test_durations_match_durations_not_sizes():
    assert expected.matches("#5 DONE 0.3s\n", "#5 DONE 12.04s\n")
    assert expected.matches("real\t0m0.512s\n", "real\t0m1.020s\n")
    assert expected.matches("time=0.054 ms\n", "time=1.2 ms\n")
    assert not expected.matches("#5 DONE 0.3s\n", "#5 DONE 7.8MB\n")
    assert not expected.matches("#5 DONE 0.3s\n", "#5 ERROR\n")


def test_sizes_match_sizes_not_durations():
    assert expected.matches("alpine latest 7.8MB\n", "alpine latest 117MB\n")
    assert expected.matches("sent 1.2kB\n", "sent 512B\n")
    assert expected.matches(
        "v1: digest: " + IMAGE_ID + " size: 528\n", "v1: digest: sha256:" + "1d" * 32 + " size: 1570\n"
    )
    assert not expected.matches("alpine latest 7.8MB\n", "alpine latest 0.3s\n")


def test_addresses_match_addresses_with_a_port_if_they_had_one():
    assert expected.matches("web1 172.17.0.2/16\n", "web1 172.18.0.3/16\n")
    assert expected.matches("0.0.0.0:8080->80/tcp\n", "127.0.0.1:49153->80/tcp\n")
    assert not expected.matches("0.0.0.0:8080->80/tcp\n", "127.0.0.1->80/tcp\n")
    assert not expected.matches("web1 172.17.0.2/16\n", "web1 web2/16\n")


def test_aws_ids_keep_their_kind():
    assert expected.matches("arn:aws:iam::123456789012:role/r\n", "arn:aws:iam::210987654321:role/r\n")
    assert not expected.matches("arn:aws:iam::123456789012:role/r\n", "arn:aws:iam::1234:role/r\n")
    assert expected.matches("VPC vpc-0abc12de34f567890\n", "VPC vpc-1234567890abcdef0\n")
    assert not expected.matches("VPC vpc-0abc12de34f567890\n", "VPC sg-1234567890abcdef0\n")
    uuid = "6f1c2a7e-0b9d-4c3e-8f21-5a6b7c8d9e0f"
    assert expected.matches(f'"RequestId": "{uuid}"\n', '"RequestId": "0e2f1c2a-0b9d-4c3e-8f21-5a6b7c8d9e00"\n')
    assert not expected.matches(f'"RequestId": "{uuid}"\n', '"RequestId": "none"\n')


def test_a_different_image_name_or_a_missing_line_fails_despite_tokens():
    shown = f'{CONTAINER} alpine "sleep 600" Up 3 seconds\n{CONTAINER} nginx Up 2 minutes\n'
    assert expected.matches(shown, 'a1b2c3d4e5f6 alpine "sleep 600" Up 1 second\n0a1b2c3d4e5f nginx Up 1 minute\n')
    assert not expected.matches(shown, 'a1b2c3d4e5f6 ubuntu "sleep 600" Up 1 second\n0a1b2c3d4e5f nginx Up 1 minute\n')
    assert not expected.matches(shown, 'a1b2c3d4e5f6 alpine "sleep 600" Up 1 second\n')


def test_tokens_are_recognised_by_class():
    assert volatile.tokens_in(f"{CONTAINER} 7.8MB 0.3s 10.0.0.1:80 123456789012") == [
        ("hex_id", CONTAINER),
        ("size", "7.8MB"),
        ("duration", "0.3s"),
        ("address", "10.0.0.1:80"),
        ("account", "123456789012"),
    ]


def test_swarm_ids_and_tokens_match_their_kind():
    assert expected.matches("node (nannienitmju66o8jhoex44we) ok\n", "node (x123i2cyhs0g5g9nwpa5nlbgz) ok\n")
    assert expected.matches("lf582wn07dqz myservice.1\n", "xvaizzrdv0lp myservice.1\n")
    assert not expected.matches("lf582wn07dqz myservice.1\n", "lf582wn07dqzz myservice.1\n")
    assert not expected.matches("node (nannienitmju66o8jhoex44we) ok\n", "node (Nannienitmju66o8jhoex44we) ok\n")
    token = "SWMTKN-1-" + "3i" * 25 + "-" + "4d6c8" * 5
    assert expected.matches(
        f"--token {token} 127.0.0.1:2377\n", f"--token SWMTKN-1-{'a1' * 25}-{'b2c3d' * 5} 10.0.0.2:2377\n"
    )
    assert not expected.matches(f"--token {token} 127.0.0.1:2377\n", "--token SWMTKN-1-short 10.0.0.2:2377\n")


def test_ping_statistics_match_other_values_only():
    assert expected.matches(
        "rtt min/avg/max/mdev = 0.042/0.667/1.899/0.870 ms\n", "rtt min/avg/max/mdev = 1.000/2.500/3.250/0.100 ms\n"
    )
    assert not expected.matches("rtt min/avg/max/mdev = 0.042/0.667/1.899/0.870 ms\n", "rtt min/avg/max/mdev = n/a\n")


def test_user_pool_and_api_ids_match_their_kind_in_either_form():
    assert expected.matches("us-east-1_gmaAT3kfB\n", "us-east-1_7d04ca87aa10431da21f9a7b6cef39d0\n")
    assert not expected.matches("us-east-1_gmaAT3kfB\n", "us-east-1_pool\n")
    url = "https://mqixm0ftlz.execute-api.us-east-1.amazonaws.com/prod\n"
    assert expected.matches(url, "https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod\n")
    assert not expected.matches(url, "https://example.com.execute-api.us-east-1.amazonaws.com/prod\n")


def test_an_app_client_id_matches_aws_and_moto_forms():
    assert expected.matches(
        "userPoolClientId: 5v3ml8p0j4c2a1b9k7d6f0e3gh\n", "userPoolClientId: a138a28b007f4e69a85e6323c2\n"
    )
    assert not expected.matches("userPoolClientId: 5v3ml8p0j4c2a1b9k7d6f0e3gh\n", "userPoolClientId: none\n")


def test_versions_clock_times_and_http_dates_match_their_kind():
    assert expected.matches("Client: 28.2.2\nServer: 28.2.2\n", "Client: 28.2.2\nServer: 20.10.24+dfsg1\n")
    assert expected.matches("host: 6.8.0-49-generic\n", "host: 6.18.44-fc-v1045\n")
    assert not expected.matches("Client: 28.2.2\n", "Client: unknown\n")
    assert not expected.matches("Client: 28.2.2\n", "Client: 10.0.0.1\n")
    assert expected.matches("Hello at 18:48:40\n", "Hello at 09:01:02\n")
    assert not expected.matches("Hello at 18:48:40\n", "Hello at noon\n")
    assert expected.matches("Date: Tue, 01 Dec 2026 18:49:14 GMT\n", "Date: Wed, 02 Dec 2026 01:00:00 GMT\n")
    assert not expected.matches("Date: Tue, 01 Dec 2026 18:49:14 GMT\n", "Date: tomorrow\n")


def test_an_ec2_host_name_matches_another_address_only():
    shown = "ec2-54-214-1-2.compute-1.amazonaws.com\n"
    assert expected.matches(shown, "ec2-3-80-10-200.compute-1.amazonaws.com\n")
    assert not expected.matches(shown, "ec2-web.compute-1.amazonaws.com\n")


def test_a_load_balancer_host_keeps_its_name_in_either_form():
    shown = "http://mysfits-nlb-0123456789abcdef.elb.us-east-1.amazonaws.com/mysfits\n"
    assert expected.matches(shown, "http://mysfits-nlb-1.us-east-1.elb.amazonaws.com/mysfits\n")
    assert expected.matches(shown, "http://mysfits-nlb-fedcba9876543210.elb.us-east-1.amazonaws.com/mysfits\n")
    assert not expected.matches(shown, "http://other-nlb-1.us-east-1.elb.amazonaws.com/mysfits\n")


def test_api_gateway_ids_match_ids_not_words():
    assert expected.matches("API q1hepdlspc, root resource xgscbrhq1t\n", "API a1b2c3d4e5, root resource 0z9y8x7w6v\n")
    assert not expected.matches("API q1hepdlspc, root resource xgscbrhq1t\n", "API q1hepdlspc, root resource /\n")


def test_a_ps_row_matches_other_process_ids_and_times_only():
    shown = "root   4711   4690   0   18:40   ?   00:00:00   sleep 5\n"
    assert expected.matches(shown, "root 123 99 1 09:05 ? 00:00:01 sleep 5\n")
    assert expected.matches(shown, "root 123 99 0 Dec01 ? 1-02:03:04 sleep 5\n")
    assert not expected.matches(shown, "root 123 99 0 09:05 ? 00:00:01 sleep 6\n")
    assert not expected.matches(shown, "root 123 99 09:05 ? 00:00:01 sleep 5\n")
    assert not expected.matches(shown, "nobody 123 99 0 09:05 ? 00:00:01 sleep 5\n")
    assert not expected.matches(shown, "root web 99 0 09:05 ? 00:00:01 sleep 5\n")


def test_an_ls_line_matches_another_owner_group_and_size_but_not_another_mode_or_name():
    shown = "-r-------- 1 root root 1680 Dec  1 21:42 mykey.pem\n"
    assert expected.matches(shown, "-r-------- 1 runner docker 1676 Dec 12 09:01 mykey.pem\n")
    assert expected.matches(shown, "-r-------- 1 1001 1001 1676 Dec  2 09:01 mykey.pem\n")
    assert not expected.matches(shown, "-rw-r--r-- 1 root root 1680 Dec  1 21:42 mykey.pem\n")
    assert not expected.matches(shown, "-r-------- 1 root root 1680 Dec  1 21:42 other.pem\n")
    assert not expected.matches(shown, "-r-------- 1 root root Dec  1 21:42 mykey.pem\n")


def test_an_authorizer_id_matches_aws_and_moto_forms_only_after_authorizer():
    shown = "API tpo4uxpssj, authorizer d0awqtwjhv\n"
    assert expected.matches(shown, "API a1b2c3d4e5, authorizer gfi4n3\n")
    assert expected.matches(shown, "API a1b2c3d4e5, authorizer x9y8z7w6v5\n")
    assert not expected.matches(shown, "API a1b2c3d4e5, authorizer gfi4n3x\n")
    assert not expected.matches(shown, "API a1b2c3d4e5, authorizer \n")
    assert not expected.matches(shown, "API a1b2c3d4e5, gfi4n3\n")
    assert ("authorizer_id", "d0awqtwjhv") in volatile.tokens_in(shown)


def test_a_home_directory_matches_any_absolute_path_before_the_docker_config_only():
    shown = "WARNING! Your credentials are stored unencrypted in '/home/runner/.docker/config.json'.\n"
    assert expected.matches(shown, shown.replace("/home/runner", "/tmp/dsp-1a2b/home"))
    assert expected.matches(shown, shown.replace("/home/runner", "/root"))
    assert not expected.matches(shown, shown.replace("/home/runner", "relative/dir"))
    assert not expected.matches(shown, shown.replace(".docker/config.json", ".docker/other.json"))
    assert not expected.matches(shown, shown.replace("/home/runner/.docker/config.json", "/home/runner"))
