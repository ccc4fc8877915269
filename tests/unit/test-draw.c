/* test-draw.c: uniform draws from the buffered CSPRNG (lib/draw.c): in
 * range, without bias, and never the same in a forked child as in its
 * parent (the buffer is forgotten at fork). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "draw.h"

static void test_range(void **state)
{
	(void)state;
	assert_int_equal(draw_uniform(0), 0);
	assert_int_equal(draw_uniform(1), 0);
	for (int i = 0; i < 100000; i++) {
		assert_true(draw_uniform(2) < 2);
		assert_true(draw_uniform(1000) < 1000);
		assert_true(draw_uniform(0xffffffffu) < 0xffffffffu);
	}
}

/* Ten buckets of 200,000 draws: each within 6 standard deviations of
 * 20,000 (sd 134), and a chi-square over them below its 0.9999 quantile
 * for 9 degrees of freedom (33.7): a bias of 1 % in any bucket fails. */
static void test_uniform(void **state)
{
	long n[10] = { 0 };
	double chi = 0;

	(void)state;
	for (int i = 0; i < 200000; i++)
		n[draw_uniform(10)]++;
	for (int b = 0; b < 10; b++) {
		assert_in_range(n[b], 20000 - 804, 20000 + 804);
		chi += (n[b] - 20000.0) * (n[b] - 20000.0) / 20000.0;
	}
	assert_true(chi < 33.7);
}

/* The per-mille rate as the decision uses it: 50 per mille over 100,000
 * draws is 5,000 (sd 69). */
static void test_rate(void **state)
{
	long chosen = 0;

	(void)state;
	for (int i = 0; i < 100000; i++)
		chosen += draw_uniform(1000) < 50;
	assert_in_range(chosen, 5000 - 415, 5000 + 415);
}

/* A parent with draws left in its buffer forks: the child's next draws
 * are its own. */
static void test_fork(void **state)
{
	uint32_t mine[16], theirs[16];
	int fd[2], status;
	pid_t pid;

	(void)state;
	(void)draw_uniform(1u << 31); /* the buffer filled, mostly unread */
	assert_int_equal(pipe(fd), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		for (int i = 0; i < 16; i++)
			theirs[i] = draw_uniform(0xffffffffu);
		_exit(write(fd[1], theirs, sizeof(theirs)) == sizeof(theirs)
			      ? 0
			      : 1);
	}
	for (int i = 0; i < 16; i++)
		mine[i] = draw_uniform(0xffffffffu);
	assert_int_equal(read(fd[0], theirs, sizeof(theirs)), sizeof(theirs));
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(WEXITSTATUS(status), 0);
	/* 16 equal words of 32 bits by chance: 2^-512 */
	assert_memory_not_equal(mine, theirs, sizeof(mine));
	close(fd[0]);
	close(fd[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_range),
		cmocka_unit_test(test_uniform),
		cmocka_unit_test(test_rate),
		cmocka_unit_test(test_fork),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
